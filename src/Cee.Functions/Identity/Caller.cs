namespace Cee.Functions.Identity;

/// <summary>Who is calling the API: a signed-in Microsoft Entra principal, or the local development principal.</summary>
/// <param name="ObjectId">The principal's Entra object id (the <c>oid</c> claim): what the ledger records as the reviewer id.</param>
/// <param name="Name">A display name for people: the <c>name</c> claim, else the user name, else the application id.</param>
/// <param name="TenantId">The principal's tenant (<c>tid</c>); null for the development principal.</param>
/// <param name="Roles">The app roles the token carries (<see cref="AppRoles"/>), compared ordinally.</param>
/// <param name="Source">Where this came from.</param>
public sealed record Caller(string ObjectId, string Name, string? TenantId, IReadOnlySet<string> Roles, CallerSource Source)
{
    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>The roles, sorted, for messages and logs; <c>none</c> when there are none.</summary>
    public string DescribeRoles() => Roles.Count == 0 ? "none" : string.Join(", ", Roles.Order(StringComparer.Ordinal));
}
