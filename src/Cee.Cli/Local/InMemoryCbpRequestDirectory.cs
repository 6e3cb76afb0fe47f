using System.Collections.Frozen;
using Cee.Routing.Ports;
using Cee.Routing.Requests;

namespace Cee.Cli.Local;

/// <summary>CBP requests from a requests file, by normalized request id.</summary>
public sealed class InMemoryCbpRequestDirectory(IEnumerable<CbpRequest> requests) : ICbpRequestDirectory
{
    private readonly FrozenDictionary<string, string> _issuers =
        requests.GroupBy(r => r.RequestId, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last().Center, StringComparer.Ordinal);

    public Task<string?> FindIssuingCenterAsync(string requestId, CancellationToken cancellationToken) =>
        Task.FromResult(CbpRequestIds.TryNormalize(requestId, out var normalized, out _) && _issuers.TryGetValue(normalized, out var center)
            ? center
            : null);
}
