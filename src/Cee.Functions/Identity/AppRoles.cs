namespace Cee.Functions.Identity;

/// <summary>
/// The app roles of the API's Entra app registration (infra/entra/app-roles.json declares them; a
/// test keeps the two equal). A role is a value in the token's <c>roles</c> claim, assigned to users,
/// groups or applications on the registration's enterprise application.
/// </summary>
/// <remarks>
/// A per-Center role (<c>Cee.Center.CEE007</c>, one per Center of topology.json) is the planned
/// extension: docs/adr/0009-entra-sign-in-and-app-roles.md says how it joins these.
/// </remarks>
public static class AppRoles
{
    /// <summary>Reads documents and entries, lists the Centers and classifies HTSUS numbers.</summary>
    public const string Reader = "Cee.Reader";

    /// <summary>Decides the Center of a drop awaiting review; the decision records who made it.</summary>
    public const string Reviewer = "Cee.Reviewer";

    /// <summary>Every role the API knows, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Reviewer];
}
