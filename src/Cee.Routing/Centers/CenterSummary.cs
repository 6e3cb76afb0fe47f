using System.Text.Json.Serialization;

namespace Cee.Routing.Centers;

/// <summary>One Center as <c>cee centers --json</c> prints it and <c>GET centers</c> returns it.</summary>
public sealed record CenterSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("teamCode")] string TeamCode,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("managedFrom")] string ManagedFrom,
    [property: JsonPropertyName("industries")] string Industries,
    [property: JsonPropertyName("topic")] string Topic)
{
    public static CenterSummary From(Center center)
    {
        ArgumentNullException.ThrowIfNull(center);
        return new(center.Id, center.TeamCode, center.Name, center.ManagedFrom, center.Industries, center.Topic);
    }
}
