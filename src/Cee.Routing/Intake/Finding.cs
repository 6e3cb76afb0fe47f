using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>
/// One thing the reader or the intake checks noticed.
/// </summary>
/// <param name="Code">A stable code scripts can match, e.g. <c>entry.check-digit</c> or <c>dis.xxe</c>.</param>
/// <param name="Severity">Error (rejects), warning or info.</param>
/// <param name="Message">A specific sentence for a person. Never holds an unmasked SSN.</param>
/// <param name="Path">Where: an XML path such as <c>/MessageEnvelope/MessageBody/…/EntryNumber</c>, a manifest key, or null.</param>
public sealed record Finding(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] FindingSeverity Severity,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("path")] string? Path = null);
