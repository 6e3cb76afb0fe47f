using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>What a port dropped.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DropKind>))]
public enum DropKind
{
    /// <summary>A DIS <c>MessageEnvelope</c> XML package.</summary>
    [JsonStringEnumMemberName("dis")]
    Dis,

    /// <summary>A bare PDF/TIFF/JPEG/PNG, with its manifest (sidecar file or blob metadata) when one came.</summary>
    [JsonStringEnumMemberName("document")]
    Document,
}
