using System.Globalization;
using System.Text;
using System.Xml;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;

namespace Cee.Routing.Dis.Responses;

/// <summary>
/// Writes the parts of a DIS <c>MessageEnvelope</c> our answers share, in the schema's element order
/// (MessageEnvelope.xsd, CommonData.xsd). Every text written passes through <see cref="SsnRedaction"/>:
/// an answer goes back outside CBP and must never carry an SSN.
/// </summary>
internal sealed class DisEnvelopeWriter : IDisposable
{
    /// <summary>Who sends our answers, in the TransmitterID and PreparerID of their MessageHeader.</summary>
    public const string Sender = "CBP-CEE";

    // A stream, not a StringBuilder: the declaration must say UTF-8, the encoding the answer is stored in.
    private readonly MemoryStream _bytes = new();
    private readonly XmlWriter _xml;

    public DisEnvelopeWriter()
    {
        _xml = XmlWriter.Create(_bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) });
    }

    public XmlWriter Xml => _xml;

    /// <summary>Opens the envelope with our MessageHeader and opens the MessageBody.</summary>
    public void Begin(string messageId, string messageType, DateTimeOffset sentAt, string? port)
    {
        _xml.WriteStartDocument();
        _xml.WriteStartElement("MessageEnvelope", DisSchema.Namespace);
        _xml.WriteStartElement("MessageHeader", DisSchema.Namespace);
        Own("MessageID", messageId);
        Leaf("MessageType", messageType);
        Leaf("SentDateTime", DateTime(sentAt));
        Leaf("TransmitterID", Sender);
        Leaf("TransmitterSiteCode", port ?? string.Empty);
        Leaf("PreparerID", Sender);
        Leaf("PreparerSiteCode", port ?? string.Empty);
        _xml.WriteEndElement();
        _xml.WriteStartElement("MessageBody", DisSchema.Namespace);
    }

    /// <summary>Closes the body and the envelope and returns the XML text.</summary>
    public string End()
    {
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        return Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length);
    }

    /// <summary>
    /// The header of the message answered, as it came (<paramref name="header"/>), or one made from the
    /// drop for a bare document (MessageType <c>BareDocument</c>, MessageID its source). A SentDateTime
    /// that is not an xs:dateTime is replaced by <paramref name="receivedAt"/>, so the answer stays valid.
    /// </summary>
    public void MessageHeader(string element, DisMessageHeader? header, IntakeResult intake, DateTimeOffset receivedAt)
    {
        _xml.WriteStartElement(element, DisSchema.Namespace);
        Leaf("MessageID", header?.MessageId ?? (header is null ? intake.Source : string.Empty));
        Leaf("MessageType", header?.MessageType ?? (header is null ? "BareDocument" : string.Empty));
        Leaf("SentDateTime", IsDateTime(header?.SentDateTime) ? header!.SentDateTime! : DateTime(receivedAt));
        Leaf("TransmitterID", header?.TransmitterId ?? string.Empty);
        Leaf("TransmitterSiteCode", header?.TransmitterSiteCode ?? string.Empty);
        Leaf("PreparerID", header?.PreparerId ?? intake.Filer ?? string.Empty);
        Leaf("PreparerSiteCode", header?.PreparerSiteCode ?? string.Empty);
        if (header?.Comment is { } comment)
        {
            Leaf("Comment", comment);
        }

        _xml.WriteEndElement();
    }

    /// <summary>A DocumentHeader: the filer's DocumentID when it gave one, else ours; the four required fields never missing.</summary>
    public void DocumentHeader(string element, IntakeDocument document)
    {
        _xml.WriteStartElement(element, DisSchema.Namespace);
        if (document.SourceDocumentId is { } filerId)
        {
            Leaf("DocumentID", filerId);
        }
        else
        {
            Own("DocumentID", document.Id);
        }

        Leaf("DocumentLabel", document.Label ?? document.Kind.ToWireName());
        Leaf("CompleteFileName", document.FileName ?? string.Empty);
        Leaf("FileExtensionType", (document.DeclaredType ?? document.DetectedType).ToUpperInvariant());
        _xml.WriteEndElement();
    }

    /// <summary>
    /// A TradeTransaction naming the drop's entries (normalized <c>FFF-NNNNNNN-C</c>, written as the
    /// 11 characters with their filer code): <c>SINGLE_TXN</c> with entries, <c>CONTINUOUS</c> without.
    /// </summary>
    public void TradeTransaction(IReadOnlyList<string> entries)
    {
        _xml.WriteStartElement("TradeTransaction", DisSchema.Namespace);
        Leaf("TransactionCategory", entries.Count > 0 ? "SINGLE_TXN" : "CONTINUOUS");
        foreach (var entry in entries)
        {
            var digits = entry.Replace("-", string.Empty, StringComparison.Ordinal);
            _xml.WriteStartElement("Entry", DisSchema.Namespace);
            Leaf("EntryNumber", digits);
            Leaf("Filer", digits.Length >= 3 ? digits[..3] : digits);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    public void Leaf(string name, string value) =>
        _xml.WriteElementString(name, DisSchema.Namespace, SsnRedaction.Redact(value));

    /// <summary>A value we made (a drop or document id: hex, whose digit runs are no SSN), written unmasked.</summary>
    public void Own(string name, string value) =>
        _xml.WriteElementString(name, DisSchema.Namespace, value);

    public void Dispose()
    {
        _xml.Dispose();
        _bytes.Dispose();
    }

    private static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static bool IsDateTime(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            XmlConvert.ToDateTimeOffset(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
