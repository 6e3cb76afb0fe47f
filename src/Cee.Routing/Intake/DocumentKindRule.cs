using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>One row of the label table: a DocumentLabel pattern and the kind it means.</summary>
/// <param name="Label">The pattern as written, e.g. <c>CBP Form 28 *</c>; <c>*</c> stands for any text.</param>
/// <param name="Kind">The document kind.</param>
/// <param name="Origin">Where the row comes from: the embedded table's version or an override file.</param>
public sealed record DocumentKindRule(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("kind")] DocumentKind Kind,
    [property: JsonPropertyName("origin")] string Origin);
