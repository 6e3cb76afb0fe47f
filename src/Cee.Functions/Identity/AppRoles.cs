using Cee.Routing.Centers;

namespace Cee.Functions.Identity;

/// <summary>
/// The app roles of the API's Entra app registration (infra/entra/app-roles.json declares them; a
/// test keeps the two equal). A role is a value in the token's <c>roles</c> claim, assigned to users,
/// groups or applications on the registration's enterprise application.
/// </summary>
/// <remarks>
/// One role per Center of topology.json (<c>Cee.Center.CEE007</c>): its staff and its inbox's managed
/// identity acknowledge and transfer that Center's documents, and no other's
/// (docs/adr/0013-center-inbox-receipts-and-transfers.md). The file's entries for them are
/// generated from the topology, with ids derived from the Center id, so they never change.
/// </remarks>
public static class AppRoles
{
    /// <summary>Reads documents and entries, lists the Centers and classifies HTSUS numbers.</summary>
    public const string Reader = "Cee.Reader";

    /// <summary>Decides the Center of a drop awaiting review; the decision records who made it.</summary>
    public const string Reviewer = "Cee.Reviewer";

    /// <summary>What every Center's role starts with; the ACE Center ID follows.</summary>
    public const string CenterPrefix = "Cee.Center.";

    /// <summary>The role of each Center, in topology order.</summary>
    public static IReadOnlyList<string> Centers { get; } = [.. CenterCatalog.Default.All.Select(c => CenterPrefix + c.Id)];

    /// <summary>Every role the API knows, in declaration order: the two CBP-wide roles, then one per Center.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Reviewer, .. Centers];

    /// <summary>The role of the Center <paramref name="centerId"/> (e.g. <c>Cee.Center.CEE007</c>).</summary>
    /// <exception cref="KeyNotFoundException">Not a Center of the topology.</exception>
    public static string ForCenter(string centerId) => CenterPrefix + CenterCatalog.Default.Get(centerId).Id;

    /// <summary>The Centers whose role <paramref name="caller"/> holds (ACE Center IDs).</summary>
    public static IReadOnlySet<string> CentersOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new HashSet<string>(
            CenterCatalog.Default.All.Where(c => caller.HasRole(CenterPrefix + c.Id)).Select(c => c.Id),
            StringComparer.Ordinal);
    }
}
