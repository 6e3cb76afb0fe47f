using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Cee.Functions.Hosting;

/// <summary>
/// One Azure connection as the app settings give it (docs/configuration.md): identity-based in
/// Azure (<c>{Name}__{endpoint key}</c> and <c>{Name}__clientId</c> of the user-assigned managed
/// identity), or a connection string as the section's own value for the local emulators, which takes precedence.
/// </summary>
/// <param name="Name">The setting name, e.g. <c>PortDrops</c>.</param>
/// <param name="EndpointKey">The key of the endpoint, e.g. <c>blobServiceUri</c> or <c>fullyQualifiedNamespace</c>.</param>
/// <param name="ConnectionString">The section's value (local only), or null.</param>
/// <param name="Endpoint">The endpoint for identity-based access, or null.</param>
/// <param name="ClientId">The managed identity's client id, or null for the system-assigned identity or a developer's login.</param>
public sealed record AzureConnection(string Name, string EndpointKey, string? ConnectionString, string? Endpoint, string? ClientId)
{
    /// <summary>Reads <paramref name="name"/> from configuration.</summary>
    public static AzureConnection Read(IConfiguration configuration, string name, string endpointKey)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(name);
        return new AzureConnection(name, endpointKey, Trimmed(section.Value), Trimmed(section[endpointKey]), Trimmed(section["clientId"]));
    }

    /// <summary>The endpoint, or an error naming the settings to add.</summary>
    public string RequireEndpoint() => Endpoint ?? throw new InvalidOperationException(
        $"{Name} is not configured: set {Name}__{EndpointKey} (identity-based, in Azure) or {Name} to a connection string (local emulators only).");

    /// <summary>
    /// DefaultAzureCredential, pinned to the user-assigned identity when <c>{Name}__clientId</c> is
    /// set; on a developer's machine it falls through to the Azure CLI or Visual Studio login.
    /// </summary>
    public TokenCredential CreateCredential() => CreateCredential(ClientId);

    /// <summary>DefaultAzureCredential for the user-assigned identity <paramref name="clientId"/>, or the default chain when null.</summary>
    public static TokenCredential CreateCredential(string? clientId) => clientId is null
        ? new DefaultAzureCredential()
        : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
