using Cee.Routing.Accounts;
using Cee.Routing.Requests;

namespace Cee.Routing.Cosmos;

/// <summary>
/// Loads importer accounts and CBP requests into their directories with upserts: running it twice
/// with the same files changes nothing; running it with a corrected file overwrites those entries.
/// </summary>
public sealed class CosmosDirectorySeeder(CosmosImporterAccountDirectory accounts, CosmosCbpRequestDirectory requests)
{
    public const string AccountsName = "importer accounts";
    public const string RequestsName = "CBP requests";

    private const int Parallelism = 8;

    public Task<SeedSummary> SeedAccountsAsync(IReadOnlyList<ImporterAccount> items, IProgress<SeedProgress>? progress, CancellationToken cancellationToken) =>
        SeedAsync(AccountsName, items, accounts.UpsertAsync, progress, cancellationToken);

    public Task<SeedSummary> SeedRequestsAsync(IReadOnlyList<CbpRequest> items, IProgress<SeedProgress>? progress, CancellationToken cancellationToken) =>
        SeedAsync(RequestsName, items, requests.UpsertAsync, progress, cancellationToken);

    private static async Task<SeedSummary> SeedAsync<T>(
        string what, IReadOnlyList<T> items, Func<T, CancellationToken, Task<WriteOutcome>> upsert, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var created = 0;
        var replaced = 0;
        var done = 0;
        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var outcome = await upsert(item, ct);
                _ = outcome == WriteOutcome.Created ? Interlocked.Increment(ref created) : Interlocked.Increment(ref replaced);
                progress?.Report(new SeedProgress(what, Interlocked.Increment(ref done), items.Count));
            });
        return new SeedSummary(what, created, replaced);
    }
}
