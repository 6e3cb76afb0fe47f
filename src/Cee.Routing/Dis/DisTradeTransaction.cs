using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Routing.Dis;

/// <summary>The DIS <c>TradeTransaction</c>: what the documents are linked to.</summary>
/// <param name="TransactionCategory"><c>SINGLE_TXN</c> or <c>CONTINUOUS</c> (kept on file for the filer).</param>
/// <param name="Entries">Entry and EntrySummary links, in document order.</param>
/// <param name="Links">Bill, ISFNumber, ITN, XTN, FTZAdmissionNbr and OtherTransaction links, in document order.</param>
/// <param name="ImporterOfRecord">The transaction's ImporterOfRecordNbr.</param>
public sealed record DisTradeTransaction(
    [property: JsonPropertyName("transactionCategory")] string? TransactionCategory,
    [property: JsonPropertyName("entries")] IReadOnlyList<DisEntryLink> Entries,
    [property: JsonPropertyName("links")] IReadOnlyList<DisTransactionLink> Links,
    [property: JsonPropertyName("importerOfRecord")] ImporterField? ImporterOfRecord);
