using System.Globalization;
using System.Text.Json.Serialization;

namespace Cee.Functions.Http;

/// <summary>The body of <c>POST classify</c>: <c>{ "hts": ["8471.30.0100", …] }</c>.</summary>
public sealed record ClassifyRequestBody([property: JsonPropertyName("hts")] IReadOnlyList<string?>? Hts)
{
    /// <summary>At most this many numbers per request.</summary>
    public const int MaxNumbers = 1000;

    /// <summary>Why the request cannot be classified, or null when it can.</summary>
    public string? Problem() => Hts switch
    {
        null or [] => "'hts' must be a non-empty array of HTSUS numbers, e.g. { \"hts\": [\"8471.30.0100\"] }",
        { Count: > MaxNumbers } => string.Create(CultureInfo.InvariantCulture, $"'hts' holds {Hts.Count} numbers; at most {MaxNumbers} per request"),
        _ when Hts.Any(h => h is null) => "'hts' holds a null; every entry must be a string",
        _ => null,
    };
}
