using System.Text.Json.Serialization;

namespace Cee.Routing.Ledger;

/// <summary>
/// Who made a step that is not the workflow's own: the principal of a Center's receipt or transfer.
/// </summary>
/// <param name="Id">A stable id: the Entra object id in Azure, <c>local:&lt;user&gt;</c> for <c>cee inbox</c>.</param>
/// <param name="Name">A display name for people reading the history.</param>
public sealed record LedgerActor(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
