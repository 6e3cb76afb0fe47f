using System.Text.Json.Serialization;

namespace Cee.Routing.Dis;

/// <summary>
/// Any other link of a TradeTransaction, as written: <c>Bill</c> (SCAC, bill and house bill numbers),
/// <c>ISFNumber</c> (filer and ISF number), <c>ITN</c>, <c>XTN</c>, <c>FTZAdmissionNbr</c> or
/// <c>OtherTransaction</c> (name and number). Routing does not use them; they are kept for people.
/// </summary>
/// <param name="Element">The element: Bill, ISFNumber, ITN, XTN, FTZAdmissionNbr or OtherTransaction.</param>
/// <param name="Number">BillNumber, ISFNumber, ITN, XTN, the admission number or TransactionNumber.</param>
/// <param name="Qualifier">SCAC (Bill), Filer (ISFNumber) or TransactionName (OtherTransaction).</param>
/// <param name="HouseBillNumber">Bill only.</param>
/// <param name="ReferenceNumber">Bill, ITN and XTN only.</param>
/// <param name="Path">Where.</param>
public sealed record DisTransactionLink(
    [property: JsonPropertyName("element")] string Element,
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("qualifier")] string? Qualifier,
    [property: JsonPropertyName("houseBillNumber")] string? HouseBillNumber,
    [property: JsonPropertyName("referenceNumber")] string? ReferenceNumber,
    [property: JsonPropertyName("path")] string Path);
