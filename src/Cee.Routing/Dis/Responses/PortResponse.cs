using System.Text.Json.Serialization;

namespace Cee.Routing.Dis.Responses;

/// <summary>
/// One answer to a port, ready to store: a DIS <c>MessageEnvelope</c> (schema-valid against CBP's DIS
/// schema v1.2) and where it belongs. Contract <c>cee.port-response</c>, version 1 (additive changes keep it).
/// Hosts place it: <c>cee route</c> at <c>&lt;out&gt;/responses/&lt;source&gt;&lt;suffix&gt;</c>, the Functions app
/// at <c>port-responses/{port}/{drop name}&lt;suffix&gt;</c>.
/// </summary>
/// <param name="SchemaVersion">Version of this contract.</param>
/// <param name="DropId">The drop answered.</param>
/// <param name="Source">The drop's source, as the ledger holds it (e.g. <c>port-drops/2704/x.xml</c> or a path relative to the folder routed).</param>
/// <param name="Port">The drop's port code, or null when it named none.</param>
/// <param name="Kind"><c>validation</c> (a MessageValidationResponse) or <c>review</c> (a DocumentReviewResponse).</param>
/// <param name="Suffix">Appended to the drop's name: <c>.response.xml</c>, <c>.review.xml</c>, or <c>.002.review.xml</c> for the second document of a drop with several.</param>
/// <param name="MessageId">The envelope's MessageID, derived from the drop (and document), so a re-run writes the same answer.</param>
/// <param name="Xml">The UTF-8 XML text of the envelope.</param>
public sealed record PortResponse(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("suffix")] string Suffix,
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("xml")] string Xml)
{
    public const int CurrentVersion = 1;
    public const string ValidationKind = "validation";
    public const string ReviewKind = "review";
    public const string ValidationSuffix = ".response.xml";
    public const string ReviewSuffix = ".review.xml";
}
