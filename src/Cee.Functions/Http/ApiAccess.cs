using System.Diagnostics.CodeAnalysis;
using Cee.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Http;

/// <summary>
/// What every HTTP function asks first: is the caller signed in (<see cref="CallerAuthenticator"/>),
/// and do they hold the app role this endpoint needs? The answer is the caller, or the 401 or 403
/// problem details to return instead. Function keys play no part (the functions are anonymous to
/// the host): a key alone opens nothing.
/// </summary>
public sealed class ApiAccess(CallerAuthenticator authenticator, ILogger<ApiAccess> logger)
{
    /// <summary>The signed-in caller, or the problem to answer (401 not signed in, 403 not accepted).</summary>
    public bool TryAuthenticate(HttpRequest request, [NotNullWhen(true)] out Caller? caller, [NotNullWhen(false)] out IActionResult? refusal)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authentication = authenticator.Authenticate(request);
        caller = authentication.Caller;
        switch (authentication.Outcome)
        {
            case CallerAuthenticationOutcome.Authenticated when caller is not null:
                refusal = null;
                return true;

            case CallerAuthenticationOutcome.Refused:
                logger.LogWarning("{Method} {Path} refused (403): {Problem}", request.Method, request.Path.Value, authentication.Problem);
                refusal = Problems.Forbidden(request, "The caller is not accepted", authentication.Problem!);
                return false;

            default:
                logger.LogInformation("{Method} {Path} unauthenticated (401): {Problem}", request.Method, request.Path.Value, authentication.Problem);
                refusal = Problems.Unauthorized(request, "Sign-in required", authentication.Problem ?? "The caller is not signed in.");
                caller = null;
                return false;
        }
    }

    /// <summary>As <see cref="TryAuthenticate"/>, and the caller must hold <paramref name="role"/> (403 otherwise).</summary>
    public bool TryAuthorize(HttpRequest request, string role, [NotNullWhen(true)] out Caller? caller, [NotNullWhen(false)] out IActionResult? refusal)
    {
        if (!TryAuthenticate(request, out caller, out refusal))
        {
            return false;
        }

        if (caller.HasRole(role))
        {
            return true;
        }

        logger.LogWarning("{Method} {Path} forbidden (403): principal {ObjectId} lacks role {Role}", request.Method, request.Path.Value, caller.ObjectId, role);
        refusal = Problems.Forbidden(request, "A required role is missing",
            $"{request.Method} {request.Path.Value} requires the app role {role}; principal {caller.ObjectId} holds {caller.DescribeRoles()}. " +
            "An administrator assigns roles on the API's enterprise application (docs/deployment.md, \"Sign-in\").");
        caller = null;
        return false;
    }

    /// <summary>
    /// As <see cref="TryAuthenticate"/>, and the caller must hold the role of at least one Center
    /// (<see cref="AppRoles.Centers"/>); <paramref name="centers"/> are those Centers. Whether the
    /// document is one of theirs is the endpoint's question (404 when it is not).
    /// </summary>
    public bool TryAuthorizeCenter(HttpRequest request, [NotNullWhen(true)] out Caller? caller, out IReadOnlySet<string> centers, [NotNullWhen(false)] out IActionResult? refusal)
    {
        centers = new HashSet<string>();
        if (!TryAuthenticate(request, out caller, out refusal))
        {
            return false;
        }

        centers = AppRoles.CentersOf(caller);
        if (centers.Count > 0)
        {
            return true;
        }

        logger.LogWarning("{Method} {Path} forbidden (403): principal {ObjectId} holds no Center role", request.Method, request.Path.Value, caller.ObjectId);
        refusal = Problems.Forbidden(request, "A required role is missing",
            $"{request.Method} {request.Path.Value} requires the app role of a Center ({AppRoles.Centers[0]} … {AppRoles.Centers[^1]}); principal {caller.ObjectId} holds {caller.DescribeRoles()}. " +
            "An administrator assigns a Center's role to its staff and its inbox's identity (docs/deployment.md, \"Sign-in\").");
        caller = null;
        return false;
    }
}
