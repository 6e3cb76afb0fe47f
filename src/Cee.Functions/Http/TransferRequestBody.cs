using System.Text.Json.Serialization;

namespace Cee.Functions.Http;

/// <summary>The body of <c>POST documents/{documentId}/transfer</c>: the Center the document belongs to, and why.</summary>
public sealed record TransferRequestBody(
    [property: JsonPropertyName("toCenter")] string? ToCenter,
    [property: JsonPropertyName("reason")] string? Reason);
