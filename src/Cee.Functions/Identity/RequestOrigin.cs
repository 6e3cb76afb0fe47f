using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Cee.Functions.Identity;

/// <summary>
/// Whether a request came from this machine. The worker receives every HTTP request from the
/// Functions host, which forwards it over loopback and appends the client's address to
/// <c>X-Forwarded-For</c>; so a request is local only when the connection is loopback and so is
/// every forwarded hop, including hops a client wrote itself.
/// </summary>
public static class RequestOrigin
{
    /// <summary>Null when the request is local; otherwise where it came from, for the refusal.</summary>
    public static string? DescribeRemote(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = request.HttpContext.Connection.RemoteIpAddress;
        if (connection is null || !IsLoopback(connection))
        {
            return $"the connection came from {connection?.ToString() ?? "an unknown address"}";
        }

        var forwarded = Hops(request.Headers["X-Forwarded-For"]).Concat(ForwardedFor(request.Headers["Forwarded"]));
        var remote = forwarded.FirstOrDefault(hop => !IsLoopbackHop(hop));
        return remote is null ? null : $"the request was forwarded for {remote}";
    }

    private static IEnumerable<string> Hops(StringValues values) =>
        values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // RFC 7239: Forwarded: for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"
    private static IEnumerable<string> ForwardedFor(StringValues values) =>
        Hops(values).SelectMany(element => element.Split(';', StringSplitOptions.TrimEntries))
            .Where(pair => pair.StartsWith("for=", StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[4..].Trim('"'));

    // 127.0.0.1, 127.0.0.1:5000, ::1, [::1]:5000; anything unparseable ("unknown", an obfuscated node) is not loopback.
    private static bool IsLoopbackHop(string hop)
    {
        var host = hop;
        if (hop.StartsWith('['))
        {
            var end = hop.IndexOf(']', StringComparison.Ordinal);
            host = end > 0 ? hop[1..end] : hop;
        }
        else if (hop.Count(c => c == ':') == 1)
        {
            host = hop[..hop.IndexOf(':', StringComparison.Ordinal)];
        }

        return IPAddress.TryParse(host, out var address) && IsLoopback(address);
    }

    private static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
