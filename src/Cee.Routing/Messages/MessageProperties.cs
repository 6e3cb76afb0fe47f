using System.Text.Json.Serialization;

namespace Cee.Routing.Messages;

/// <summary>
/// The Service Bus properties of a message: what duplicate detection, sessions and subscription
/// SQL filters see without reading the body.
/// </summary>
/// <param name="MessageId">Deterministic: the document id for a routed document, so Service Bus duplicate detection drops a repeat.</param>
/// <param name="SessionId">The entry number, else the importer (masked, or its lookup key for an SSN), else the drop id.</param>
/// <param name="CorrelationId">The drop's correlation id.</param>
/// <param name="Subject">The document kind (<c>entry-summary</c>, <c>cf28-response</c>…) or the triage message type.</param>
/// <param name="ContentType">Always <c>application/json</c>.</param>
/// <param name="ApplicationProperties">For SQL filters: <c>kind</c>, <c>port</c>, <c>center</c>, <c>basis</c>, <c>schemaVersion</c>.</param>
public sealed record MessageProperties(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("sessionId")] string SessionId,
    [property: JsonPropertyName("correlationId")] string CorrelationId,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("applicationProperties")] IReadOnlyDictionary<string, string> ApplicationProperties);
