using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cee.Functions.Http;

/// <summary>
/// RFC 9457 (formerly 7807) problem details for every error the HTTP API returns: a type link to
/// the HTTP status's definition, a title that names the problem, and a detail that says what
/// exactly was wrong with this request.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult BadRequest(HttpRequest request, string title, string detail) =>
        Create(request, StatusCodes.Status400BadRequest, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1", title, detail);

    /// <summary>401, with the <c>WWW-Authenticate</c> challenge RFC 9110 requires: the API takes Entra bearer tokens.</summary>
    public static ObjectResult Unauthorized(HttpRequest request, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Create(request, StatusCodes.Status401Unauthorized, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2", title, detail);
    }

    public static ObjectResult Forbidden(HttpRequest request, string title, string detail) =>
        Create(request, StatusCodes.Status403Forbidden, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4", title, detail);

    public static ObjectResult NotFound(HttpRequest request, string title, string detail) =>
        Create(request, StatusCodes.Status404NotFound, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5", title, detail);

    public static ObjectResult Conflict(HttpRequest request, string title, string detail) =>
        Create(request, StatusCodes.Status409Conflict, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10", title, detail);

    private static ObjectResult Create(HttpRequest request, int status, string type, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new ObjectResult(new ProblemDetails
        {
            Type = type,
            Title = title,
            Status = status,
            Detail = detail,
            Instance = request.Path.Value,
        })
        {
            StatusCode = status,
        };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
