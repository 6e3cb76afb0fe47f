using Azure.Messaging.ServiceBus;

namespace Cee.Functions.Harness.ServiceBus;

/// <summary>
/// A Service Bus sender that records what it is given instead of sending it: no broker can be had on
/// this machine (docs/functions.md). Only <see cref="SendMessageAsync"/> is used by the app; any
/// other call fails loudly so a new use is noticed.
/// </summary>
public sealed class RecordingServiceBusSender : ServiceBusSender
{
    private readonly string _topic;
    private readonly RecordingServiceBusSenders _log;

    internal RecordingServiceBusSender(string topic, RecordingServiceBusSenders log)
    {
        _topic = topic;
        _log = log;
    }

    public override string EntityPath => _topic;

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        _log.Record(new PublishedMessage(_topic, message));
        return Task.CompletedTask;
    }

    public override Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The app sends one message at a time; the recording sender records only SendMessageAsync.");
}
