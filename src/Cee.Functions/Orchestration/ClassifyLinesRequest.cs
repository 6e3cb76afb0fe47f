using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Functions.Orchestration;

/// <summary>Input of <see cref="ActivityNames.ClassifyLines"/>: the drop's commodity lines.</summary>
public sealed record ClassifyLinesRequest([property: JsonPropertyName("lines")] IReadOnlyList<CommodityLine> Lines);
