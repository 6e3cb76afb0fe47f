namespace Cee.Functions.Identity;

/// <summary>Who the caller is, or why the app does not know or accept them.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Caller">The caller, when authenticated.</param>
/// <param name="Problem">Why not, in a sentence the caller can act on, when not authenticated.</param>
public sealed record CallerAuthentication(CallerAuthenticationOutcome Outcome, Caller? Caller, string? Problem)
{
    public static CallerAuthentication Authenticated(Caller caller) => new(CallerAuthenticationOutcome.Authenticated, caller, null);

    public static CallerAuthentication Unauthenticated(string problem) => new(CallerAuthenticationOutcome.Unauthenticated, null, problem);

    public static CallerAuthentication Refused(string problem) => new(CallerAuthenticationOutcome.Refused, null, problem);
}
