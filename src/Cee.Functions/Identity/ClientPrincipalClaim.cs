using System.Text.Json.Serialization;

namespace Cee.Functions.Identity;

/// <summary>One claim of the <c>X-MS-CLIENT-PRINCIPAL</c> payload: its (mapped) type and its value.</summary>
internal sealed record ClientPrincipalClaim(
    [property: JsonPropertyName("typ")] string? Type,
    [property: JsonPropertyName("val")] string? Value);
