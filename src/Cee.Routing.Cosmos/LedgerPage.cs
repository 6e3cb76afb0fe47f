using Cee.Routing.Ledger;

namespace Cee.Routing.Cosmos;

/// <summary>Ledger records answering a query.</summary>
/// <param name="Records">The records, oldest transition first within the page.</param>
/// <param name="ContinuationToken">Pass back for the next page; null when there is none.</param>
/// <param name="UnreadableIds">Records that matched but could not be read (logged as errors); they need a person.</param>
public sealed record LedgerPage(IReadOnlyList<LedgerRecord> Records, string? ContinuationToken, IReadOnlyList<string> UnreadableIds);
