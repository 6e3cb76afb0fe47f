using System.Text.Json.Serialization;

namespace Cee.Functions.Identity;

/// <summary>
/// The JSON App Service authentication writes, Base64-encoded, into <c>X-MS-CLIENT-PRINCIPAL</c>:
/// the provider (<c>aad</c> for Microsoft Entra), the token's claims after App Service's claim
/// mapping, and which claim types it treats as the name and the roles.
/// </summary>
internal sealed record ClientPrincipalPayload(
    [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
    [property: JsonPropertyName("claims")] IReadOnlyList<ClientPrincipalClaim?>? Claims,
    [property: JsonPropertyName("name_typ")] string? NameClaimType,
    [property: JsonPropertyName("role_typ")] string? RoleClaimType);
