using System.Collections.Frozen;
using Cee.Routing.Accounts;
using Cee.Routing.Intake;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>Importer accounts from an accounts file, by lookup key.</summary>
public sealed class InMemoryImporterAccountDirectory(IEnumerable<ImporterAccount> accounts) : IImporterAccountDirectory
{
    private readonly FrozenDictionary<string, ImporterAccount> _byKey =
        accounts.GroupBy(a => a.LookupKey, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public Task<ImporterAccount> FindAsync(ImporterRef importer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        return Task.FromResult(_byKey.TryGetValue(importer.LookupKey, out var account)
            ? account
            : ImporterAccount.Unknown(importer.LookupKey, importer.Masked));
    }
}
