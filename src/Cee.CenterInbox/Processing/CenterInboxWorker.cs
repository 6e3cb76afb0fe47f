using Azure.Messaging.ServiceBus;
using Cee.CenterInbox.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.CenterInbox.Processing;

/// <summary>
/// One <see cref="ServiceBusSessionProcessor"/> per configured subscription of the Center's topic,
/// each handing its messages to <see cref="InboxMessageHandler"/>; stopped and disposed with the host.
/// </summary>
public sealed class CenterInboxWorker(ServiceBusClient client, IOptions<InboxSettings> options, InboxMessageHandler handler, ILogger<CenterInboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var processors = settings.SubscriptionNames
            .Select(subscription => client.CreateSessionProcessor(settings.Topic, subscription, InboxProcessorOptions.Create(settings)))
            .ToList();
        try
        {
            foreach (var processor in processors)
            {
                processor.ProcessMessageAsync += handler.HandleAsync;
                processor.ProcessErrorAsync += OnErrorAsync;
                await processor.StartProcessingAsync(stoppingToken);
            }

            logger.LogInformation("Inbox of {Center} taking messages from {Topic}/{Subscriptions}", settings.Center, settings.Topic, string.Join(",", settings.SubscriptionNames));
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            foreach (var processor in processors)
            {
                await processor.StopProcessingAsync(CancellationToken.None);
                await processor.DisposeAsync();
            }
        }
    }

    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        logger.LogError(args.Exception, "Service Bus {ErrorSource} on {EntityPath}: {Message}", args.ErrorSource, args.EntityPath, args.Exception.Message);
        return Task.CompletedTask;
    }
}
