using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Cee.CenterInbox.Api;
using Cee.CenterInbox.Documents;
using Cee.CenterInbox.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.CenterInbox.Hosting;

/// <summary>Every registration of the inbox worker, with its settings checked at start-up.</summary>
public static class InboxServiceCollectionExtensions
{
    public static IServiceCollection AddCenterInbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InboxSettings>().Bind(configuration.GetSection(InboxSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboxSettings>, InboxSettingsValidator>();

        // One credential for Service Bus and the API: the inbox's user-assigned managed identity in Azure.
        services.AddSingleton<TokenCredential>(provider => provider.GetRequiredService<IOptions<InboxSettings>>().Value.ManagedIdentityClientId is { Length: > 0 } clientId
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId })
            : new DefaultAzureCredential());
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<InboxSettings>>().Value;
            return settings.ConnectionString is { Length: > 0 } connectionString
                ? new ServiceBusClient(connectionString)
                : new ServiceBusClient(settings.FullyQualifiedNamespace, provider.GetRequiredService<TokenCredential>());
        });

        // One HttpClient for the process; connections recycled so a DNS change reaches it. The per-call timeout is the settings'.
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton<ICenterApi>(provider => new HttpCenterApi(
            provider.GetRequiredService<HttpClient>(), provider.GetRequiredService<TokenCredential>(), provider.GetRequiredService<IOptions<InboxSettings>>().Value));

        // The Center's port: replace this registration with its own ICenterDocumentHandler.
        services.AddSingleton<ICenterDocumentHandler>(provider => new FolderDocumentHandler(provider.GetRequiredService<IOptions<InboxSettings>>().Value.DocumentFolder!));
        services.AddSingleton(provider => new InboxMessageHandler(
            provider.GetRequiredService<IOptions<InboxSettings>>().Value.Center!,
            provider.GetRequiredService<ICenterDocumentHandler>(),
            provider.GetRequiredService<ICenterApi>(),
            provider.GetRequiredService<ILogger<InboxMessageHandler>>()));
        services.AddHostedService<CenterInboxWorker>();
        return services;
    }
}
