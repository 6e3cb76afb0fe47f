using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Cee.Functions.Identity;
using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;
using Cee.Routing.Workflow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Hosting;

/// <summary>
/// Builds, when the worker starts, everything a bad setting could break (the rules table, the
/// importer keys, the routing options, the sign-in settings, the Blob and Service Bus clients), so that a wrong setting
/// stops the app at start-up with a message naming it rather than failing the first drop, and says
/// in one log line what this instance runs with.
/// </summary>
public sealed class StartupCheck(
    HtsRuleTable rules,
    ImporterLookupKeys importerKeys,
    RoutingWorkflowOptions routing,
    BlobServiceClient blobs,
    ServiceBusClient serviceBus,
    CallerAuthenticator callers,
    ILogger<StartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "CEE routing ready: HTSUS rules {RulesVersion}; review timeout {ReviewTimeout}, fallback {ReviewFallback}, {MaxEscalations} escalation(s); importer keys {ImporterKeys}; drops in {BlobEndpoint}; Service Bus {ServiceBusNamespace}; API sign-in {SignIn}",
            rules.Version,
            routing.ReviewTimeout,
            routing.ReviewFallback,
            routing.MaxEscalations,
            importerKeys.IsDevelopment ? "development (published)" : "deployment secret",
            blobs.Uri,
            serviceBus.FullyQualifiedNamespace,
            callers.DescribeMode());
        if (callers.SignsNobodyIn)
        {
            // Intake and routing run on; only the HTTP API is closed. Worth a warning, not a failed start.
            logger.LogWarning("API sign-in is off: {SignIn}. Enable App Service authentication (infra/modules/functionapp.bicep) or, locally, set a development principal.", callers.DescribeMode());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
