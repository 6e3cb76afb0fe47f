namespace Cee.Routing.Centers;

/// <summary>
/// One of CBP's ten Centers of Excellence and Expertise: the office that owns the post-release
/// trade work of the importers assigned to it, whatever port their goods came through.
/// </summary>
/// <param name="Id">ACE Center ID, <c>CEE001</c>…<c>CEE010</c>.</param>
/// <param name="TeamCode">ACE team code, <c>001</c>…<c>010</c>.</param>
/// <param name="Name">The Center's name, e.g. "Electronics".</param>
/// <param name="ManagedFrom">The managing office.</param>
/// <param name="Industries">The industries the Center covers, in CBP's wording.</param>
/// <param name="Topic">The Service Bus topic the Center's documents are published on. Derived from
/// <paramref name="Id"/>, never from the name, so it is stable across renames.</param>
public sealed record Center(
    string Id,
    string TeamCode,
    string Name,
    string ManagedFrom,
    string Industries,
    string Topic)
{
    public override string ToString() => $"{Id} {Name}";
}
