namespace Cee.Functions.Identity;

public enum CallerAuthenticationOutcome
{
    /// <summary>The caller is known.</summary>
    Authenticated,

    /// <summary>No principal the app can trust: 401.</summary>
    Unauthenticated,

    /// <summary>A trusted principal this deployment does not accept (another tenant): 403.</summary>
    Refused,
}
