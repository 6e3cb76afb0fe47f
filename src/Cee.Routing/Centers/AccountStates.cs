namespace Cee.Routing.Centers;

/// <summary>
/// The two values ACE reports in place of a Center ID for an importer account. They are account
/// states, not Centers: nothing is ever published to a "NOTELG" or "PNDING" topic.
/// </summary>
public static class AccountStates
{
    /// <summary>Not Center eligible.</summary>
    public const string NotEligible = "NOTELG";

    /// <summary>Center assignment pending.</summary>
    public const string Pending = "PNDING";

    public static bool IsAccountState(ReadOnlySpan<char> value) =>
        value.Equals(NotEligible, StringComparison.OrdinalIgnoreCase) ||
        value.Equals(Pending, StringComparison.OrdinalIgnoreCase);
}
