using System.Text;
using System.Xml;

namespace Cee.Samples;

/// <summary>
/// Writes DIS packages shaped exactly like CBP's DIS schema v1.2 (element names and order of
/// MessageEnvelope.xsd and CommonData.xsd), with real-looking facts: port 2704 Los Angeles, filer
/// 002, entry 002-6110316-2, EIN importer 12-345678900. Defaults make a valid package; each method
/// changes one thing. Tests that validate against the schema check the default shape holds.
/// </summary>
public sealed class DisPackageBuilder
{
    public const string Namespace = "http://cbp.dhs.gov/DIS";

    private readonly List<(string Element, string Number, string Filer, string? Line)> _entries = [];
    private readonly List<DisDocumentSpec> _documents = [];
    private string? _port = "2704";
    private string? _preparerId = "002";
    private string _actionCode = "ADD";
    private string? _packageImporter = "12-345678900";
    private string? _tradeImporter;
    private string? _comment;
    private (string Scac, string Number)? _bill;
    private (string Id, string? Type, string? Date)? _request = ("UNSOLICITED", null, null);
    private string _payload = "DocumentSubmissionPackage";
    private string _messageId = "MSG-20261122-0417";
    private string _sentAt = "2026-11-22T14:05:00Z";
    private string _site = "LAX";
    private (string Category, string Name) _package = ("ENTRY_SUMMARY", "Entry summary documents 002-6110316-2");
    private int _lineLength;
    private bool _indent = true;

    /// <summary>A package with one entry summary, no documents yet.</summary>
    public static DisPackageBuilder EntrySummary() => new DisPackageBuilder().WithEntrySummary("002-6110316-2", "002");

    /// <summary>The 2-document sample: a commercial invoice (PDF, two laptop lines) and a packing list (PNG).</summary>
    public static DisPackageBuilder TwoDocumentSample() =>
        EntrySummary()
            .WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "commercial-invoice.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-2026-0417";
                d.Commodities.Add(("8471.30.0100", "1"));
                d.Commodities.Add(("8471.41.0150", "2"));
            })
            .WithDocument(SampleDocuments.Png(), "Packing List", "packing-list.png", "PNG", d => d.DocumentId = "PL-2026-0417");

    /// <summary>The MessageHeader's MessageID and SentDateTime.</summary>
    public DisPackageBuilder WithMessage(string messageId, string sentAt)
    {
        _messageId = messageId;
        _sentAt = sentAt;
        return this;
    }

    /// <summary>The transmitter's and preparer's site code.</summary>
    public DisPackageBuilder WithSite(string siteCode)
    {
        _site = siteCode;
        return this;
    }

    /// <summary>The PackageIdentifier's category and name (written with the package importer).</summary>
    public DisPackageBuilder WithPackage(string category, string name)
    {
        _package = (category, name);
        return this;
    }

    public DisPackageBuilder WithPort(string? port)
    {
        _port = port;
        return this;
    }

    public DisPackageBuilder WithPreparer(string? preparerId)
    {
        _preparerId = preparerId;
        return this;
    }

    public DisPackageBuilder WithAction(string actionCode)
    {
        _actionCode = actionCode;
        return this;
    }

    public DisPackageBuilder WithPackageImporter(string? importer)
    {
        _packageImporter = importer;
        return this;
    }

    public DisPackageBuilder WithTradeImporter(string? importer)
    {
        _tradeImporter = importer;
        return this;
    }

    public DisPackageBuilder WithComment(string comment)
    {
        _comment = comment;
        return this;
    }

    public DisPackageBuilder WithEntrySummary(string number, string filer, string? line = null)
    {
        _entries.Add(("EntrySummary", number, filer, line));
        return this;
    }

    public DisPackageBuilder WithEntry(string number, string filer)
    {
        _entries.Add(("Entry", number, filer, null));
        return this;
    }

    public DisPackageBuilder WithoutEntries()
    {
        _entries.Clear();
        return this;
    }

    public DisPackageBuilder WithBill(string scac, string number)
    {
        _bill = (scac, number);
        return this;
    }

    public DisPackageBuilder WithRequest(string id, string? type = null, string? date = null)
    {
        _request = (id, type, date);
        return this;
    }

    public DisPackageBuilder WithoutRequest()
    {
        _request = null;
        return this;
    }

    /// <summary>A payload other than DocumentSubmissionPackage: DocumentWithdrawal, DocumentReviewResponse…</summary>
    public DisPackageBuilder WithPayload(string payload)
    {
        _payload = payload;
        return this;
    }

    /// <summary>Breaks the Base64 into lines of this many characters with CRLF (as MIME encoders do); 0 for one line.</summary>
    public DisPackageBuilder WithBase64LineLength(int length)
    {
        _lineLength = length;
        return this;
    }

    public DisPackageBuilder Compact()
    {
        _indent = false;
        return this;
    }

    public DisPackageBuilder WithDocument(byte[] bytes, string label = "Commercial Invoice", string fileName = "commercial-invoice.pdf", string type = "PDF", Action<DisDocumentSpec>? configure = null)
    {
        var spec = new DisDocumentSpec { Bytes = bytes, Label = label, FileName = fileName, Type = type, DocumentId = $"DOC-{_documents.Count + 1}" };
        configure?.Invoke(spec);
        _documents.Add(spec);
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToXml());

    public string ToXml()
    {
        var settings = new XmlWriterSettings { Indent = _indent, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(text), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("MessageEnvelope", Namespace);
            WriteHeader(writer);
            writer.WriteStartElement("MessageBody", Namespace);
            if (_payload == "DocumentSubmissionPackage")
            {
                WriteSubmission(writer);
            }
            else if (_payload == "DocumentWithdrawal")
            {
                WriteWithdrawal(writer);
            }
            else
            {
                writer.WriteStartElement(_payload, Namespace);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.ToString();
    }

    private void WriteHeader(XmlWriter writer)
    {
        writer.WriteStartElement("MessageHeader", Namespace);
        Leaf(writer, "MessageID", _messageId);
        Leaf(writer, "MessageType", _payload);
        Leaf(writer, "SentDateTime", _sentAt);
        Leaf(writer, "TransmitterID", _preparerId ?? "002");
        Leaf(writer, "TransmitterSiteCode", _site);
        Leaf(writer, "PreparerID", _preparerId ?? string.Empty);
        Leaf(writer, "PreparerSiteCode", _site);
        if (_comment is not null)
        {
            Leaf(writer, "Comment", _comment);
        }

        writer.WriteEndElement();
    }

    private void WriteSubmission(XmlWriter writer)
    {
        writer.WriteStartElement("DocumentSubmissionPackage", Namespace);
        if (_packageImporter is not null)
        {
            writer.WriteStartElement("PackageIdentifier", Namespace);
            Leaf(writer, "PackageCategory", _package.Category);
            Leaf(writer, "PackageName", _package.Name);
            Leaf(writer, "ImporterOfRecordNbr", _packageImporter);
            writer.WriteEndElement();
        }

        if (_port is not null)
        {
            Leaf(writer, "SubmittedToPortCode", _port);
        }

        Leaf(writer, "ActionCode", _actionCode);
        WriteTradeTransaction(writer);
        if (_request is { } request)
        {
            writer.WriteStartElement("CBPRequest", Namespace);
            Leaf(writer, "CBPRequestID", request.Id);
            if (request.Type is not null)
            {
                Leaf(writer, "CBPRequestType", request.Type);
            }

            if (request.Date is not null)
            {
                Leaf(writer, "CBPRequestDate", request.Date);
            }

            writer.WriteEndElement();
        }

        foreach (var document in _documents)
        {
            WriteDocument(writer, document);
        }

        writer.WriteEndElement();
    }

    private void WriteTradeTransaction(XmlWriter writer)
    {
        writer.WriteStartElement("TradeTransaction", Namespace);
        Leaf(writer, "TransactionCategory", "SINGLE_TXN");
        foreach (var element in new[] { "Entry", "EntrySummary" })
        {
            foreach (var entry in _entries.Where(e => e.Element == element))
            {
                writer.WriteStartElement(element, Namespace);
                Leaf(writer, "EntryNumber", entry.Number);
                Leaf(writer, "Filer", entry.Filer);
                if (entry.Line is not null)
                {
                    Leaf(writer, "EntryLineNumber", entry.Line);
                }

                writer.WriteEndElement();
            }
        }

        if (_bill is { } bill)
        {
            writer.WriteStartElement("Bill", Namespace);
            Leaf(writer, "SCAC", bill.Scac);
            Leaf(writer, "BillNumber", bill.Number);
            writer.WriteEndElement();
        }

        if (_tradeImporter is not null)
        {
            Leaf(writer, "ImporterOfRecordNbr", _tradeImporter);
        }

        writer.WriteEndElement();
    }

    private void WriteDocument(XmlWriter writer, DisDocumentSpec document)
    {
        writer.WriteStartElement("DocumentData", Namespace);
        WriteDocumentHeader(writer, document);
        if (document.Agencies.Count > 0)
        {
            writer.WriteStartElement("GovtAgencyList", Namespace);
            foreach (var agency in document.Agencies)
            {
                Leaf(writer, "GovtAgency", agency);
            }

            writer.WriteEndElement();
        }

        if (document.InvoiceLines.Count > 0 || document.CertificateImporter is not null || document.PermitImporter is not null || document.Commodities.Count > 0)
        {
            writer.WriteStartElement("OptionalData", Namespace);
            if (document.InvoiceLines.Count > 0)
            {
                writer.WriteStartElement("InvoiceData", Namespace);
                Leaf(writer, "InvoiceNbr", "INV-2026-0417");
                Leaf(writer, "InvoiceType", "Commercial Invoice");
                for (var i = 0; i < document.InvoiceLines.Count; i++)
                {
                    writer.WriteStartElement("InvoiceLineItemData", Namespace);
                    Leaf(writer, "InvoiceLineNbr", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    WriteCommodity(writer, document.InvoiceLines[i]);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            if (document.CertificateImporter is not null)
            {
                writer.WriteStartElement("CertificateData", Namespace);
                Leaf(writer, "CertificateNumber", "CO-2026-118");
                Leaf(writer, "CertificateType", "Certificate of Origin");
                Leaf(writer, "ImporterOfRecord", document.CertificateImporter);
                writer.WriteEndElement();
            }

            if (document.PermitImporter is not null)
            {
                writer.WriteStartElement("PermitData", Namespace);
                Leaf(writer, "PermitNumber", "P-77120");
                Leaf(writer, "ImporterOfRecord", document.PermitImporter);
                writer.WriteEndElement();
            }

            if (document.Commodities.Count > 0)
            {
                writer.WriteStartElement("CommodityList", Namespace);
                foreach (var commodity in document.Commodities)
                {
                    WriteCommodity(writer, commodity);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteStartElement("DocumentObject", Namespace);
        writer.WriteString(document.RawObject ?? Base64(document.Bytes));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteDocumentHeader(XmlWriter writer, DisDocumentSpec document)
    {
        writer.WriteStartElement("DocumentHeader", Namespace);
        Leaf(writer, "DocumentID", document.DocumentId ?? "DOC");
        Leaf(writer, "DocumentLabel", document.Label ?? string.Empty);
        Leaf(writer, "CompleteFileName", document.FileName ?? string.Empty);
        Leaf(writer, "FileExtensionType", document.Type ?? string.Empty);
        Leaf(writer, "DocumentDescription", $"{document.Label} for entry 002-6110316-2");
        Leaf(writer, "DocumentSentDate", "2026-11-22T14:00:00Z");
        if (document.PreviouslySubmitted is not null)
        {
            Leaf(writer, "DocPreviouslySubmitted", document.PreviouslySubmitted);
        }

        writer.WriteEndElement();
    }

    private static void WriteCommodity(XmlWriter writer, (string? Hts, string? Line) commodity)
    {
        writer.WriteStartElement("CommodityData", Namespace);
        if (commodity.Line is not null)
        {
            Leaf(writer, "EntryLineNumber", commodity.Line);
        }

        if (commodity.Hts is not null)
        {
            Leaf(writer, "HTSNumber", commodity.Hts);
        }

        Leaf(writer, "CommodityDescription", "Portable automatic data processing machines");
        Leaf(writer, "CountryOfOrigin", "CN");
        writer.WriteEndElement();
    }

    private void WriteWithdrawal(XmlWriter writer)
    {
        writer.WriteStartElement("DocumentWithdrawal", Namespace);
        WriteDocumentHeader(writer, new DisDocumentSpec { DocumentId = "INV-2026-0417", Label = "Commercial Invoice", FileName = "commercial-invoice.pdf", Type = "PDF" });
        if (_port is not null)
        {
            Leaf(writer, "SubmittedToPortCode", _port);
        }

        Leaf(writer, "ActionCode", "DELETE");
        WriteTradeTransaction(writer);
        Leaf(writer, "DocumentWithdrawalReason", "Invoice sent for the wrong entry");
        writer.WriteEndElement();
    }

    private string Base64(byte[] bytes)
    {
        var text = Convert.ToBase64String(bytes);
        if (_lineLength <= 0)
        {
            return text;
        }

        var lines = new StringBuilder(text.Length + (text.Length / _lineLength * 2) + 2);
        for (var i = 0; i < text.Length; i += _lineLength)
        {
            lines.Append(text.AsSpan(i, Math.Min(_lineLength, text.Length - i))).Append("\r\n");
        }

        return lines.ToString();
    }

    private static void Leaf(XmlWriter writer, string name, string value) => writer.WriteElementString(name, Namespace, value);

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration says utf-8.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
