using System.Text.Json.Serialization;

namespace Cee.Routing.Dis;

/// <summary>
/// One <c>CommodityData</c> of a document, from <c>OptionalData/CommodityList</c> or from an invoice line
/// (<c>OptionalData/InvoiceData/InvoiceLineItemData</c>), as written; intake parses the HTS number.
/// </summary>
public sealed record DisCommodity(
    [property: JsonPropertyName("entryLineNumber")] string? EntryLineNumber,
    [property: JsonPropertyName("htsNumber")] string? HtsNumber,
    [property: JsonPropertyName("commodityDescription")] string? CommodityDescription,
    [property: JsonPropertyName("countryOfOrigin")] string? CountryOfOrigin,
    [property: JsonPropertyName("path")] string Path);
