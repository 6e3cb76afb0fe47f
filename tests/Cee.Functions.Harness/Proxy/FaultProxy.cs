using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Harness.Proxy;

/// <summary>
/// A reverse proxy on loopback in front of a test service (Azurite, the Cosmos DB server): the app is
/// configured with the proxy's endpoint, so every call its SDK clients make goes through here,
/// below all of their own retry layers. It counts every request (what the cost model multiplies)
/// and fails the requests that the <see cref="FaultRule"/>s pick, with the status, headers and body
/// the real service sends, so the SDK, the adapter and the Durable retry policy each meet the fault
/// as they would in Azure.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Expect",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _forward;
    private readonly Uri _target;
    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();
    private readonly List<FaultRule> _rules = [];
    private readonly Lock _rulesLock = new();

    private FaultProxy(string service, Uri target, WebApplication app, HttpClient forward)
    {
        Service = service;
        _target = target;
        _app = app;
        _forward = forward;
    }

    /// <summary><c>blob</c> or <c>cosmos</c>: how <see cref="ProxiedRequest.Resource"/> reads paths.</summary>
    public string Service { get; }

    /// <summary>The proxy's endpoint with the target's path, e.g. <c>http://127.0.0.1:40001/devstoreaccount1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request so far, in the order they finished.</summary>
    public IReadOnlyList<ProxiedRequest> Requests => [.. _requests];

    public static async Task<FaultProxy> StartAsync(string service, Uri target, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentNullException.ThrowIfNull(target);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var forward = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            MaxConnectionsPerServer = 256,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        var proxy = new FaultProxy(service, target, app, forward);
        app.Run(proxy.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        proxy.Endpoint = new UriBuilder(target) { Host = address.Host, Port = address.Port }.Uri;
        return proxy;
    }

    /// <summary>Adds a rule; it applies to requests that start after this call.</summary>
    public FaultRule Inject(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_rulesLock)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Removes every rule.</summary>
    public void ClearFaults()
    {
        lock (_rulesLock)
        {
            _rules.Clear();
        }
    }

    /// <summary>Forgets the requests counted so far.</summary>
    public void ResetCounts() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private FaultRule? Match(string method, string path)
    {
        lock (_rulesLock)
        {
            return _rules.FirstOrDefault(r => r.TryTake(method, path));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var query = request.QueryString.Value ?? string.Empty;
        var rule = Match(request.Method, path);
        if (rule?.Release is { } release)
        {
            await release.WaitAsync(context.RequestAborted);
            rule = null;
        }

        if (rule is { Fault: { AfterForwarding: false } before })
        {
            await WriteFaultAsync(context, before);
            _requests.Enqueue(new ProxiedRequest(Service, request.Method, path, query, (int)before.Status, rule.Name));
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, path + query));
        if (request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _forward.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        if (rule is { Fault: { } after })
        {
            // The service did the work; the client only sees a failure.
            await response.Content.CopyToAsync(Stream.Null, context.RequestAborted);
            await WriteFaultAsync(context, after);
            _requests.Enqueue(new ProxiedRequest(Service, request.Method, path, query, (int)after.Status, rule.Name));
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        _requests.Enqueue(new ProxiedRequest(Service, request.Method, path, query, (int)response.StatusCode, null));
    }

    private static async Task WriteFaultAsync(HttpContext context, InjectedFault fault)
    {
        context.Response.StatusCode = (int)fault.Status;
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = fault.ContentType;
        await context.Response.WriteAsync(fault.Body, context.RequestAborted);
    }
}
