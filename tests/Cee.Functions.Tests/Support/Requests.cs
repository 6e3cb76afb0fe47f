using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cee.Functions.Tests.Support;

internal static class Requests
{
    public static HttpRequest Create(string path, string? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
        context.Request.ContentType = "application/json";
        return context.Request;
    }

    /// <summary>A request from a signed-in principal holding <paramref name="roles"/> (App Service authentication in front).</summary>
    public static HttpRequest SignedIn(string path, string? body = null, params string[] roles) =>
        Principals.Signed(Create(path, body), Principals.Header(roles));

    /// <summary>Asserts an RFC 9457 problem with the status and title, and returns it.</summary>
    public static ProblemDetails Problem(IActionResult result, int status, string title)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, objectResult.StatusCode);
        Assert.Contains("application/problem+json", objectResult.ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(objectResult.Value);
        Assert.Equal(status, problem.Status);
        Assert.Equal(title, problem.Title);
        Assert.StartsWith("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.", problem.Type, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }
}
