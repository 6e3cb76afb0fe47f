using System.Net;
using System.Text.Json;
using Cee.Routing.Messages;
using Cee.Routing.Review;
using Cee.Triage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cee.Cli.Review;

/// <summary>
/// The HTTP side of <c>cee review serve</c>: Kestrel on 127.0.0.1 only, serving the triage
/// console's page at <c>/api/triage/</c> and its API (<c>GET /api/reviews</c>,
/// <c>GET /api/reviews/{id}/documents/{documentId}</c>, <c>POST /api/reviews/{id}</c>) at the
/// paths the Functions app uses, so the page is the same file in both hosts. Requests that name
/// another host than the loopback one are refused (a web page elsewhere cannot reach the desk
/// through DNS rebinding), and nothing is cross-origin.
/// </summary>
public sealed class ReviewServer : IAsyncDisposable
{
    /// <summary>The largest decision body read (a note is at most 2000 characters).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly WebApplication _app;

    private ReviewServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Where the page is: <see cref="Address"/> + <c>api/triage/</c>.</summary>
    public Uri PageAddress => new(Address, $"api/{TriageAssets.Route}/");

    /// <summary>Starts serving <paramref name="desk"/> on 127.0.0.1:<paramref name="port"/> (0: a free port the system picks).</summary>
    /// <exception cref="IOException">The port is taken or cannot be bound.</exception>
    public static async Task<ReviewServer> StartAsync(ReviewDesk desk, int port, ILoggerProvider logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Use(LoopbackOnlyAsync);
        Map(app, desk);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReviewServer(app, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled (Ctrl+C) or the host stops.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, ReviewDesk desk)
    {
        var page = $"/api/{TriageAssets.Route}/";
        app.MapGet("/", () => Results.Redirect(page));
        app.MapGet($"/api/{TriageAssets.Route}/{{*name}}", (HttpContext http, string? name) =>
            string.IsNullOrEmpty(name) && http.Request.Path.Value?.EndsWith('/') != true
                ? Results.Redirect(page) // the page's links are relative to its folder
                : Asset(http, name));
        app.MapGet("/api/reviews", () => Json(desk.List()));
        app.MapGet("/api/reviews/{reviewId}/documents/{documentId}", (HttpContext http, string reviewId, string documentId) =>
            Answer(http, desk.OpenDocument(reviewId, documentId)));
        app.MapPost("/api/reviews/{reviewId}", async (HttpContext http, string reviewId, CancellationToken cancellationToken) =>
        {
            var (body, error) = await ReadBodyAsync(http.Request, cancellationToken);
            return Answer(http, await desk.DecideAsync(reviewId, body, error, cancellationToken));
        });
    }

    private static IResult Asset(HttpContext http, string? name)
    {
        if (TriageAssets.Find(name) is not { } asset)
        {
            return Results.Problem(statusCode: 404, title: "No such file", detail: $"The triage console has no file '{name}'.");
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = TriageAssets.ContentSecurityPolicy();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static IResult Answer(HttpContext http, ReviewDeskAnswer answer)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!answer.Succeeded)
        {
            return Results.Problem(statusCode: answer.Status, title: answer.Title, detail: answer.Detail, instance: http.Request.Path.Value);
        }

        if (answer.Body is ReviewDocumentFile file)
        {
            // Shown in the page (a PDF in the browser's viewer, an image inline): served with the type
            // intake detected in its bytes, never sniffed, and inline rather than as a download.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{file.DownloadName}\"";
            return Results.File(file.Path, file.ContentType, enableRangeProcessing: true);
        }

        return Json(answer.Body!);
    }

    private static IResult Json(object value) =>
        Results.Text(JsonSerializer.Serialize(value, value.GetType(), ContractJson.Options), "application/json; charset=utf-8");

    private static async Task<(ReviewRequestBody? Body, string? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<ReviewRequestBody>(request.Body, ContractJson.Options, cancellationToken);
            return body is null ? (null, "the body is JSON null; a JSON object was expected") : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, $"the body is not the expected JSON object: {ex.Message}");
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.Message);
        }
    }

    // Only requests addressed to the loopback name: a page on another site that rebinds its own name
    // to 127.0.0.1 sends its own host name, and is refused.
    private static async Task LoopbackOnlyAsync(HttpContext http, RequestDelegate next)
    {
        var host = http.Request.Host.Host;
        if (host is not ("127.0.0.1" or "localhost" or "[::1]"))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("cee review serve answers requests to 127.0.0.1 or localhost only.", http.RequestAborted);
            return;
        }

        await next(http);
    }
}
