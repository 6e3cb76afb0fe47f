using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Cee.Routing.Documents;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;

namespace Cee.Routing.Dis;

/// <summary>
/// One read of one package: a recursive descent over <see cref="XmlReader"/> following the DIS
/// schema's sequences. Every handler is entered on its element's start tag and leaves the reader on
/// the node after its end tag. Text is read in bounded chunks, never through <c>Value</c>;
/// DocumentObject text goes chunk by chunk through the Base64 decoder, the document's SHA-256 and the
/// sink, so no document is ever held whole.
/// </summary>
internal sealed class DisReadSession : IDisposable
{
    private readonly DisReaderOptions _options;
    private readonly XmlGuardStream _guard;
    private readonly string _dropId;
    private readonly IDocumentSink _sink;
    private readonly CancellationToken _cancellationToken;
    private readonly Base64ChunkDecoder _decoder = new();
    private readonly IncrementalHash _documentHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _signature = new byte[FileSignatures.SignatureLength];
    private readonly StringBuilder _text = new();
    private readonly List<Finding> _findings = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<DisDocument> _documents = [];

    private XmlReader? _xml;
    private int _repeated;
    private string? _payload;
    private DisMessageHeader? _header;
    private DisPackageIdentifier? _packageIdentifier;
    private string? _port;
    private string? _actionCode;
    private DisTradeTransaction? _tradeTransaction;
    private DisCbpRequest? _cbpRequest;
    private WithdrawalRequest? _withdrawal;

    // The DocumentObject being decoded.
    private PendingDocument? _pending;
    private IDocumentTarget? _target;
    private long _size;
    private int _signatureLength;

    public DisReadSession(XmlGuardStream guard, DisReaderOptions options, string dropId, IDocumentSink sink, CancellationToken cancellationToken)
    {
        _guard = guard;
        _options = options;
        _dropId = dropId;
        _sink = sink;
        _cancellationToken = cancellationToken;
    }

    private XmlReader Xml => _xml!;

    public async Task<DisPackage> RunAsync()
    {
        var drain = false;
        try
        {
            _xml = XmlReader.Create(_guard, Settings(_options));
            drain = !await ReadEnvelopeAsync();

            // After the root only comments, PIs and whitespace may follow; XmlReader refuses anything else.
            while (!drain && await Xml.ReadAsync())
            {
            }
        }
        catch (XmlException ex)
        {
            _findings.Add(ToFinding(ex, path: null));
            drain = true;
        }
        catch (DisLimitException ex)
        {
            _findings.Add(ToFinding(ex, path: null));

            // Past the size limit nothing more is read; otherwise the rest is hashed (ContentSha256 is of the whole drop).
            drain = ex.Code != FindingCodes.PackageTooLarge;
        }

        if (drain)
        {
            try
            {
                await _guard.DrainAsync(_cancellationToken);
            }
            catch (DisLimitException ex)
            {
                _findings.Add(ToFinding(ex, path: null));
            }
        }

        return new DisPackage(
            _guard.Sha256Hex(),
            _guard.BytesRead,
            _payload,
            _header,
            _packageIdentifier,
            _port,
            _actionCode,
            _tradeTransaction,
            _cbpRequest,
            _documents,
            _findings,
            _withdrawal);
    }

    public void Dispose()
    {
        _xml?.Dispose();
        _decoder.Dispose();
        _documentHash.Dispose();
    }

    internal static XmlReaderSettings Settings(DisReaderOptions options) => new()
    {
        Async = true,

        // No DTD, so no entity can be declared, expanded or fetched (XXE, billion laughs). The guard
        // stream refuses a DOCTYPE before XmlReader sees it; this is the second line.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,

        // 0 would mean "no limit" in .NET; with DTDs prohibited only the five predefined entities
        // and character references exist, which this limit does not count.
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = options.MaxPackageBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = true,
        ConformanceLevel = ConformanceLevel.Document,
        CloseInput = false,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? NullIfEmpty(value) : null;

    private static string? Redacted(Dictionary<string, string> fields, string name) =>
        Field(fields, name) is { } value ? SsnRedaction.Redact(value) : null;

    private Finding ToFinding(Exception exception, string? path) => exception switch
    {
        DisLimitException limit => new Finding(limit.Code, FindingSeverity.Error, SsnRedaction.Redact(limit.Message), limit.Path ?? path),
        XmlException xml when _guard.IsTruncationAt(xml.LineNumber, xml.LinePosition) => new Finding(
            FindingCodes.Truncated,
            FindingSeverity.Error,
            string.Create(CultureInfo.InvariantCulture, $"the package ends before its root element is closed ({_guard.BytesRead:N0} bytes received): the upload was probably cut short"),
            path),
        XmlException xml => new Finding(FindingCodes.MalformedXml, FindingSeverity.Error, SsnRedaction.Redact(DescribeMalformed(xml)), path),
        _ => new Finding(FindingCodes.MalformedXml, FindingSeverity.Error, SsnRedaction.Redact($"the package is not well-formed XML: {exception.Message}"), path),
    };

    /// <summary>XmlReader's reason, with the position in the package (XmlReader's own leaves out DocumentObject text it never saw).</summary>
    private string DescribeMalformed(XmlException exception)
    {
        if (exception.LineNumber <= 0)
        {
            return $"the package is not well-formed XML: {exception.Message}";
        }

        var suffix = string.Create(CultureInfo.InvariantCulture, $" Line {exception.LineNumber}, position {exception.LinePosition}.");
        var reason = exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
        var (line, column) = _guard.ToPackagePosition(exception.LineNumber, exception.LinePosition);
        return string.Create(CultureInfo.InvariantCulture, $"the package is not well-formed XML at line {line}, column {column}: {reason}");
    }

    private void Add(string code, FindingSeverity severity, string message, string? path) =>
        _findings.Add(new Finding(code, severity, SsnRedaction.Redact(message), path));

    // ---- Envelope, header, body ----

    /// <summary>Reads the root; false when it is not a DIS MessageEnvelope (the rest is then only hashed).</summary>
    private async Task<bool> ReadEnvelopeAsync()
    {
        await Xml.MoveToContentAsync();
        if (Xml.NodeType != XmlNodeType.Element)
        {
            await ReadAsync();
        }

        var name = Xml.LocalName;
        if (name != DisSchema.MessageEnvelope || Xml.NamespaceURI != DisSchema.Namespace)
        {
            var ns = Xml.NamespaceURI.Length == 0 ? "no namespace" : $"namespace {Xml.NamespaceURI}";
            Add(FindingCodes.NotDis, FindingSeverity.Error,
                $"the root element is {name} in {ns}, not a DIS MessageEnvelope in namespace {DisSchema.Namespace}", "/" + name);
            return false;
        }

        const string root = "/" + DisSchema.MessageEnvelope;
        var bodySeen = false;
        await ReadChildrenAsync(DisSchema.Envelope, root, async (child, path) =>
        {
            if (child == "MessageHeader")
            {
                var fields = await ReadFieldsAsync(DisSchema.MessageHeader, path);
                _header = new DisMessageHeader(
                    Field(fields, "MessageID"),
                    Field(fields, "MessageType"),
                    Field(fields, "SentDateTime"),
                    Field(fields, "TransmitterID"),
                    Field(fields, "TransmitterSiteCode"),
                    Field(fields, "PreparerID"),
                    Field(fields, "PreparerSiteCode"),
                    Redacted(fields, "Comment"));
            }
            else
            {
                bodySeen = true;
                await ReadChildrenAsync(DisSchema.MessageBody, path, ReadPayloadAsync);
            }
        });

        if (_header is null)
        {
            Add(FindingCodes.MissingElement, FindingSeverity.Warning, "the MessageEnvelope has no MessageHeader", root);
        }

        if (_payload is null)
        {
            Add(FindingCodes.NoDocuments, FindingSeverity.Error,
                bodySeen ? "the MessageBody holds no payload, so no document" : "the MessageEnvelope has no MessageBody, so no document",
                root);
        }

        return true;
    }

    private async Task ReadPayloadAsync(string name, string path)
    {
        _payload = name;
        if (name == DisSchema.SubmissionPayload)
        {
            await ReadSubmissionAsync(path);
            return;
        }

        if (name == DisSchema.WithdrawalPayload)
        {
            await ReadWithdrawalAsync(path);
            return;
        }

        Add(FindingCodes.UnsupportedPayload, FindingSeverity.Error, DescribeUnsupportedPayload(name), path);
        await SkipElementAsync(path);
    }

    private static string DescribeUnsupportedPayload(string name) => name switch
    {
        "DataRequestPackage" => "DataRequestPackage is a trade query to CBP, not a submission; nothing to route",
        "RequestedDataPackage" => "RequestedDataPackage is CBP's answer to a trade query, not a submission; nothing to route",
        "MessageValidationResponse" => "MessageValidationResponse is CBP's validation result for a message, not a submission; nothing to route",
        "DocumentReviewResponse" => "DocumentReviewResponse is CBP's review result for a document, not a submission; nothing to route",
        _ => $"{name} is not a submission; nothing to route",
    };

    // ---- DocumentWithdrawal ----

    private async Task ReadWithdrawalAsync(string path)
    {
        DisDocumentHeader? header = null;
        string? reason = null;
        string? comment = null;
        await ReadChildrenAsync(DisSchema.Withdrawal, path, async (name, childPath) =>
        {
            if (await ReadPackageFieldAsync(name, childPath))
            {
                return;
            }

            switch (name)
            {
                case "DocumentHeader":
                    {
                        var f = await ReadFieldsAsync(DisSchema.DocumentHeader, childPath);
                        header = new DisDocumentHeader(
                            Redacted(f, "DocumentID"), Redacted(f, "DocumentLabel"), Redacted(f, "CompleteFileName"),
                            Field(f, "FileExtensionType"), null, null, null);
                        break;
                    }

                case "DocumentWithdrawalReason":
                    reason = NullIfEmpty(await ReadTextAsync(childPath)) is { } r ? SsnRedaction.Redact(r) : null;
                    break;
                default:
                    comment = NullIfEmpty(await ReadTextAsync(childPath)) is { } c ? SsnRedaction.Redact(c) : null;
                    break;
            }
        });

        if (reason is null)
        {
            Add(FindingCodes.MissingElement, FindingSeverity.Warning, "the DocumentWithdrawal has no DocumentWithdrawalReason", path);
        }

        _withdrawal = new WithdrawalRequest(
            header?.DocumentId, header?.DocumentLabel, header?.CompleteFileName, header?.FileExtensionType, _actionCode, reason ?? string.Empty, comment);
    }

    // ---- DocumentSubmissionPackage ----

    private async Task ReadSubmissionAsync(string path)
    {
        await ReadChildrenAsync(DisSchema.Submission, path, async (name, childPath) =>
        {
            if (await ReadPackageFieldAsync(name, childPath))
            {
                return;
            }

            switch (name)
            {
                case "PackageIdentifier":
                    {
                        var fields = await ReadFieldsAsync(DisSchema.PackageIdentifier, childPath);
                        _packageIdentifier = new DisPackageIdentifier(
                            Field(fields, "PackageCategory"),
                            Redacted(fields, "PackageName"),
                            ImporterField.Parse(Field(fields, "ImporterOfRecordNbr"), childPath + "/ImporterOfRecordNbr"));
                        break;
                    }

                case "CBPRequest":
                    {
                        var fields = await ReadFieldsAsync(DisSchema.CbpRequest, childPath);
                        _cbpRequest = new DisCbpRequest(Field(fields, "CBPRequestID"), Field(fields, "CBPRequestType"), Field(fields, "CBPRequestDate"));
                        break;
                    }

                default:
                    await ReadDocumentDataAsync(childPath);
                    break;
            }
        });

        if (_actionCode is null)
        {
            Add(FindingCodes.MissingElement, FindingSeverity.Warning, "the DocumentSubmissionPackage has no ActionCode (ADD, REPLACE or DELETE)", path);
        }

        if (_documents.Count == 0)
        {
            Add(FindingCodes.NoDocuments, FindingSeverity.Error, "the DocumentSubmissionPackage holds no DocumentData", path);
        }
    }

    /// <summary>Reads a child both a submission and a withdrawal carry (port, action, trade transaction); false for any other.</summary>
    private async Task<bool> ReadPackageFieldAsync(string name, string path)
    {
        switch (name)
        {
            case "SubmittedToPortCode":
                _port = NullIfEmpty(await ReadTextAsync(path));
                return true;
            case "ActionCode":
                _actionCode = NullIfEmpty(await ReadTextAsync(path));
                return true;
            case "TradeTransaction":
                _tradeTransaction = await ReadTradeTransactionAsync(path);
                return true;
            default:
                return false;
        }
    }

    private async Task<DisTradeTransaction> ReadTradeTransactionAsync(string path)
    {
        string? category = null;
        ImporterField? importer = null;
        var entries = new List<DisEntryLink>();
        var links = new List<DisTransactionLink>();
        await ReadChildrenAsync(DisSchema.TradeTransaction, path, async (name, childPath) =>
        {
            switch (name)
            {
                case "TransactionCategory":
                    category = NullIfEmpty(await ReadTextAsync(childPath));
                    return;
                case "ImporterOfRecordNbr":
                    importer = ImporterField.Parse(await ReadTextAsync(childPath), childPath);
                    return;
                case "FTZAdmissionNbr":
                    CountRepeated(childPath);
                    links.Add(new DisTransactionLink(name, NullIfEmpty(await ReadTextAsync(childPath)), null, null, null, childPath));
                    return;
            }

            CountRepeated(childPath);
            switch (name)
            {
                case "Entry" or "EntrySummary":
                    {
                        var f = await ReadFieldsAsync(DisSchema.Entry, childPath);
                        entries.Add(new DisEntryLink(name, Field(f, "EntryNumber"), Field(f, "Filer"), Field(f, "EntryLineNumber"), Field(f, "ReferenceNumber"), childPath));
                        break;
                    }

                case "Bill":
                    {
                        var f = await ReadFieldsAsync(DisSchema.Bill, childPath);
                        links.Add(new DisTransactionLink(name, Field(f, "BillNumber"), Field(f, "SCAC"), Field(f, "HouseBillNumber"), Field(f, "ReferenceNumber"), childPath));
                        break;
                    }

                case "ISFNumber":
                    {
                        var f = await ReadFieldsAsync(DisSchema.Isf, childPath);
                        links.Add(new DisTransactionLink(name, Field(f, "ISFNumber"), Field(f, "Filer"), null, null, childPath));
                        break;
                    }

                case "ITN" or "XTN":
                    {
                        var f = await ReadFieldsAsync(name == "ITN" ? DisSchema.Itn : DisSchema.Xtn, childPath);
                        links.Add(new DisTransactionLink(name, Field(f, name), null, null, Field(f, "ReferenceNumber"), childPath));
                        break;
                    }

                default:
                    {
                        var f = await ReadFieldsAsync(DisSchema.OtherTransaction, childPath);
                        links.Add(new DisTransactionLink(name, Field(f, "TransactionNumber"), Field(f, "TransactionName"), null, null, childPath));
                        break;
                    }
            }
        });

        if (category is null)
        {
            Add(FindingCodes.MissingElement, FindingSeverity.Warning, "the TradeTransaction has no TransactionCategory (SINGLE_TXN or CONTINUOUS)", path);
        }

        return new DisTradeTransaction(category, entries, links, importer);
    }

    // ---- DocumentData ----

    private async Task ReadDocumentDataAsync(string path)
    {
        var ordinal = _documents.Count + 1;
        if (ordinal > _options.MaxDocuments)
        {
            throw new DisLimitException(
                FindingCodes.TooManyDocuments,
                string.Create(CultureInfo.InvariantCulture, $"the package holds more than the limit of {_options.MaxDocuments} documents"),
                path);
        }

        var document = new DocumentState(ordinal, DropIds.DocumentId(_dropId, ordinal), path);
        await ReadChildrenAsync(DisSchema.DocumentData, path, async (name, childPath) =>
        {
            switch (name)
            {
                case "DocumentHeader":
                    {
                        var f = await ReadFieldsAsync(DisSchema.DocumentHeader, childPath);
                        document.HeaderSeen = true;
                        document.Header = new DisDocumentHeader(
                            Redacted(f, "DocumentID"),
                            Redacted(f, "DocumentLabel"),
                            Redacted(f, "CompleteFileName"),
                            Field(f, "FileExtensionType"),
                            Redacted(f, "DocumentDescription"),
                            Field(f, "DocumentSentDate"),
                            Field(f, "DocPreviouslySubmitted"));
                        break;
                    }

                case "GovtAgencyList":
                    await ReadChildrenAsync(DisSchema.GovtAgencyList, childPath, async (_, agencyPath) =>
                    {
                        CountRepeated(agencyPath);
                        if (NullIfEmpty(await ReadTextAsync(agencyPath)) is { } agency)
                        {
                            document.Agencies.Add(agency);
                        }
                    });
                    break;
                case "OptionalData":
                    await ReadOptionalDataAsync(document, childPath);
                    break;
                case "DocumentObject":
                    document.ObjectSeen = true;
                    await ReadDocumentObjectAsync(document, childPath);
                    break;
                default:
                    await SkipElementAsync(childPath);
                    break;
            }
        });

        if (!document.HeaderSeen)
        {
            Add(FindingCodes.MissingElement, FindingSeverity.Warning, $"document {ordinal} has no DocumentHeader", path);
        }

        if (!document.ObjectSeen)
        {
            Add(FindingCodes.MissingDocumentObject, FindingSeverity.Error, $"document {ordinal} has no DocumentObject: there is nothing to route", path);
        }

        _documents.Add(document.ToDocument());
    }

    private async Task ReadOptionalDataAsync(DocumentState document, string path)
    {
        await ReadChildrenAsync(DisSchema.OptionalData, path, async (name, childPath) =>
        {
            switch (name)
            {
                case "InvoiceData":
                    await ReadChildrenAsync(DisSchema.InvoiceData, childPath, async (invoiceChild, invoicePath) =>
                    {
                        if (invoiceChild != "InvoiceLineItemData")
                        {
                            await ReadTextAsync(invoicePath);
                            return;
                        }

                        await ReadChildrenAsync(DisSchema.InvoiceLineItemData, invoicePath, async (lineChild, linePath) =>
                        {
                            if (lineChild == "CommodityData")
                            {
                                await ReadCommodityAsync(document, linePath);
                            }
                            else
                            {
                                await ReadTextAsync(linePath);
                            }
                        });
                    });
                    break;
                case "CertificateData" or "PermitData":
                    {
                        var f = await ReadFieldsAsync(name == "CertificateData" ? DisSchema.CertificateData : DisSchema.PermitData, childPath);
                        if (ImporterField.Parse(Field(f, "ImporterOfRecord"), childPath + "/ImporterOfRecord") is { } importer)
                        {
                            document.Importers.Add(importer);
                        }

                        break;
                    }

                case "CommodityList":
                    await ReadChildrenAsync(DisSchema.CommodityList, childPath, (_, commodityPath) => ReadCommodityAsync(document, commodityPath));
                    break;
                default:
                    await SkipElementAsync(childPath);
                    break;
            }
        });
    }

    private async Task ReadCommodityAsync(DocumentState document, string path)
    {
        CountRepeated(path);
        var f = await ReadFieldsAsync(DisSchema.CommodityData, path);
        document.Commodities.Add(new DisCommodity(
            Field(f, "EntryLineNumber"),
            Field(f, "HTSNumber"),
            Redacted(f, "CommodityDescription"),
            Field(f, "CountryOfOrigin"),
            path));
    }

    // ---- DocumentObject: Base64 streamed to the sink ----

    private async Task ReadDocumentObjectAsync(DocumentState document, string path)
    {
        var header = document.Header;
        _pending = new PendingDocument(
            document.Id,
            document.Ordinal,
            header.DocumentId,
            header.DocumentLabel,
            header.CompleteFileName,
            FileSignatures.NormalizeDeclared(header.FileExtensionType) ?? FileSignatures.ExtensionOf(header.CompleteFileName));
        _target = null;
        _size = 0;
        _signatureLength = 0;
        _decoder.Reset();
        Finding? failure = null;
        var empty = Xml.IsEmptyElement;
        try
        {
            if (!empty)
            {
                var depth = Xml.Depth;
                var chars = _decoder.Chars;

                // The fast path: the Base64 as bytes straight from the guard's buffer, up to the first
                // markup or reference, which XmlReader then reads as usual (see XmlGuardStream).
                if (_guard.TryClaimText())
                {
                    ReadOnlyMemory<byte> text;
                    while (!(text = await _guard.ReadRawTextAsync()).IsEmpty)
                    {
                        if (failure is null)
                        {
                            failure = _decoder.TryDecodeBytes(text.Span, out var decoded)
                                ? await AcceptAsync(decoded, document, path)
                                : InvalidBase64(document, path, "it holds a character outside the Base64 alphabet, or data after the padding");
                        }
                    }
                }

                await ReadAsync();
                while (!(Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth))
                {
                    switch (Xml.NodeType)
                    {
                        case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                            int read;
                            while ((read = await Xml.ReadValueChunkAsync(chars, 0, chars.Length)) > 0)
                            {
                                if (failure is null)
                                {
                                    failure = _decoder.TryDecode(read, out var decoded)
                                        ? await AcceptAsync(decoded, document, path)
                                        : InvalidBase64(document, path, "it holds a character outside the Base64 alphabet, or data after the padding");
                                }
                            }

                            await ReadAsync();
                            break;
                        case XmlNodeType.Element:
                            {
                                failure ??= InvalidBase64(document, path, "it holds an element, not only Base64 text");
                                var child = path + "/" + Xml.LocalName;
                                CheckDepth(child);
                                await SkipElementAsync(child);
                                break;
                            }

                        default:
                            await ReadAsync();
                            break;
                    }
                }

                if (failure is null)
                {
                    failure = _decoder.TryFinish(out var last)
                        ? await AcceptAsync(last, document, path)
                        : InvalidBase64(document, path, "it ends in an incomplete group of 4 characters (missing padding?)");
                }
            }

            if (failure is null && _size == 0)
            {
                failure = IsYes(header.DocPreviouslySubmitted)
                    ? new Finding(FindingCodes.PreviouslySubmitted, FindingSeverity.Warning,
                        $"document {Describe(document)} is empty and marked DocPreviouslySubmitted Y: it refers to a document CBP already holds, so there are no bytes to route", path)
                    : new Finding(FindingCodes.EmptyDocument, FindingSeverity.Error, $"document {Describe(document)} has an empty DocumentObject", path);
            }

            if (failure is not null)
            {
                if (_target is not null)
                {
                    await _target.AbandonAsync(failure, _cancellationToken);
                }

                _documentHash.GetHashAndReset();
                _findings.Add(failure);
            }
            else
            {
                var sha256 = Convert.ToHexStringLower(_documentHash.GetHashAndReset());
                document.Decoded = new DecodedDocument(document.Id, _size, sha256, FileSignatures.Detect(_signature.AsSpan(0, _signatureLength)));
                document.Location = await _target!.CompleteAsync(document.Decoded, _cancellationToken);
            }
        }
        catch (Exception ex) when (ex is XmlException or DisLimitException && _target is not null)
        {
            // The package broke off inside this document: tell the sink why before the reader reports it.
            await _target!.AbandonAsync(ToFinding(ex, path), _cancellationToken);
            throw;
        }
        finally
        {
            if (_target is not null)
            {
                await _target.DisposeAsync();
                _target = null;
            }
        }

        // Past the end tag only now: the document is complete once its end tag is read, whatever follows.
        await Xml.ReadAsync();
    }

    private async ValueTask<Finding?> AcceptAsync(ReadOnlyMemory<byte> bytes, DocumentState document, string path)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        _size += bytes.Length;
        if (_size > _options.MaxDocumentBytes)
        {
            return new Finding(
                FindingCodes.DocumentTooLarge,
                FindingSeverity.Error,
                SsnRedaction.Redact(string.Create(CultureInfo.InvariantCulture, $"document {Describe(document)} decodes to more than the {_options.MaxDocumentBytes:N0}-byte limit; it was abandoned")),
                path);
        }

        _documentHash.AppendData(bytes.Span);
        if (_signatureLength < _signature.Length)
        {
            var take = Math.Min(_signature.Length - _signatureLength, bytes.Length);
            bytes.Span[..take].CopyTo(_signature.AsSpan(_signatureLength));
            _signatureLength += take;
        }

        // Opened on the first byte, so an empty or immediately invalid document never reaches the sink.
        _target ??= await _sink.OpenAsync(_pending!, _cancellationToken);
        await _target.WriteAsync(bytes, _cancellationToken);
        return null;
    }

    private static Finding InvalidBase64(DocumentState document, string path, string why) => new(
        FindingCodes.InvalidBase64,
        FindingSeverity.Error,
        SsnRedaction.Redact($"document {Describe(document)} is not valid Base64: {why}; it was abandoned"),
        path);

    private static string Describe(DocumentState document)
    {
        var name = document.Header.CompleteFileName ?? document.Header.DocumentId;
        return name is null
            ? document.Ordinal.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{document.Ordinal} ({name})");
    }

    private static bool IsYes(string? value) =>
        value is not null && (value.Equals("Y", StringComparison.OrdinalIgnoreCase) || value.Equals("YES", StringComparison.OrdinalIgnoreCase));

    // ---- Reading primitives ----

    /// <summary>
    /// Reads the children of the element the reader is on, in the schema's sequence: known children go
    /// to <paramref name="onChild"/> (which must consume them), unknown ones are reported and skipped,
    /// order and repetition are checked. Leaves the reader after the element's end tag.
    /// </summary>
    private async Task ReadChildrenAsync(ElementSequence sequence, string parentPath, Func<string, string, Task> onChild)
    {
        if (Xml.IsEmptyElement)
        {
            await Xml.ReadAsync();
            return;
        }

        var depth = Xml.Depth;
        var counts = new int[sequence.Count];
        var lastIndex = -1;
        var children = 0;
        await ReadAsync();
        while (true)
        {
            switch (Xml.NodeType)
            {
                case XmlNodeType.EndElement when Xml.Depth == depth:
                    await Xml.ReadAsync();
                    return;
                case XmlNodeType.Element:
                    {
                        var name = Xml.LocalName;
                        var index = Xml.NamespaceURI == DisSchema.Namespace ? sequence.IndexOf(name) : -1;
                        var path = parentPath + "/" + name;
                        CheckDepth(path);
                        if (index < 0)
                        {
                            if (_reported.Add("unexpected " + sequence.Parent + "/" + name))
                            {
                                Add(FindingCodes.UnexpectedElement, FindingSeverity.Warning,
                                    $"{sequence.Parent} may not hold {DescribeName()}; it was skipped", path);
                            }

                            await SkipElementAsync(path);
                            break;
                        }

                        var count = ++counts[index];
                        children++;
                        if (sequence.Repeats(name))
                        {
                            path = string.Create(CultureInfo.InvariantCulture, $"{path}[{count}]");
                        }
                        else if (count > 1 || (sequence.IsChoice && children > 1))
                        {
                            Add(FindingCodes.RepeatedElement, FindingSeverity.Warning,
                                sequence.IsChoice
                                    ? $"{sequence.Parent} holds one payload; this {name} was ignored"
                                    : $"{sequence.Parent} may hold one {name}; only the first was read",
                                path);
                            await SkipElementAsync(path);
                            break;
                        }

                        if (!sequence.IsChoice && index < lastIndex && _reported.Add("order " + parentPath))
                        {
                            Add(FindingCodes.ElementOrder, FindingSeverity.Warning,
                                $"{name} stands after an element the schema puts after it in {sequence.Parent}; read anyway", path);
                        }

                        lastIndex = Math.Max(lastIndex, index);
                        await onChild(name, path);
                        break;
                    }

                case XmlNodeType.Text or XmlNodeType.CDATA:
                    await DrainTextAsync(parentPath, keep: false);
                    await ReadAsync();
                    break;
                default:
                    await ReadAsync();
                    break;
            }
        }
    }

    /// <summary>Reads the simple children of an element as text (complex ones are skipped).</summary>
    private async Task<Dictionary<string, string>> ReadFieldsAsync(ElementSequence sequence, string path)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        await ReadChildrenAsync(sequence, path, async (name, childPath) =>
        {
            if (sequence.IsComplex(name))
            {
                await SkipElementAsync(childPath);
                return;
            }

            fields.TryAdd(name, await ReadTextAsync(childPath));
        });
        return fields;
    }

    /// <summary>The text of a simple element, trimmed, at most <see cref="DisReaderOptions.MaxTextChars"/> characters.</summary>
    private async Task<string> ReadTextAsync(string path)
    {
        if (Xml.IsEmptyElement)
        {
            await Xml.ReadAsync();
            return string.Empty;
        }

        var depth = Xml.Depth;
        _text.Clear();
        await ReadAsync();
        while (!(Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth))
        {
            switch (Xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    await DrainTextAsync(path, keep: true);
                    await ReadAsync();
                    break;
                case XmlNodeType.Element:
                    {
                        var child = path + "/" + Xml.LocalName;
                        CheckDepth(child);
                        if (_reported.Add("unexpected " + child))
                        {
                            Add(FindingCodes.UnexpectedElement, FindingSeverity.Warning, $"a text element may not hold {DescribeName()}; it was skipped", child);
                        }

                        await SkipElementAsync(child);
                        break;
                    }

                default:
                    await ReadAsync();
                    break;
            }
        }

        await Xml.ReadAsync();
        return _text.ToString().Trim();
    }

    /// <summary>Reads the current text node in chunks, enforcing the text limit; appends it to the text buffer when asked.</summary>
    private async Task DrainTextAsync(string path, bool keep)
    {
        var chars = _decoder.Chars;
        long length = 0;
        int read;
        while ((read = await Xml.ReadValueChunkAsync(chars, 0, chars.Length)) > 0)
        {
            length += read;
            if (length > _options.MaxTextChars || (keep && _text.Length + read > _options.MaxTextChars))
            {
                throw new DisLimitException(
                    FindingCodes.TextTooLong,
                    string.Create(CultureInfo.InvariantCulture, $"a text outside DocumentObject is longer than the limit of {_options.MaxTextChars:N0} characters"),
                    path);
            }

            if (keep)
            {
                _text.Append(chars, 0, read);
            }
        }
    }

    /// <summary>Skips the element the reader is on, still enforcing the depth and text limits (XmlReader.Skip would not).</summary>
    private async Task SkipElementAsync(string path)
    {
        if (Xml.IsEmptyElement)
        {
            await Xml.ReadAsync();
            return;
        }

        var depth = Xml.Depth;
        await ReadAsync();
        while (!(Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth))
        {
            switch (Xml.NodeType)
            {
                case XmlNodeType.Element:
                    CheckDepth(path);
                    await ReadAsync();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    await DrainTextAsync(path, keep: false);
                    await ReadAsync();
                    break;
                default:
                    await ReadAsync();
                    break;
            }
        }

        await Xml.ReadAsync();
    }

    /// <summary>Reads the next node inside an element, where the input may not end.</summary>
    private async Task ReadAsync()
    {
        if (!await Xml.ReadAsync())
        {
            throw new XmlException("Unexpected end of file.");
        }
    }

    private void CheckDepth(string path)
    {
        if (Xml.Depth >= _options.MaxDepth)
        {
            throw new DisLimitException(
                FindingCodes.TooDeep,
                string.Create(CultureInfo.InvariantCulture, $"elements nest deeper than the limit of {_options.MaxDepth}"),
                path);
        }
    }

    private void CountRepeated(string path)
    {
        if (++_repeated > _options.MaxRepeatedElements)
        {
            throw new DisLimitException(
                FindingCodes.TooManyElements,
                string.Create(CultureInfo.InvariantCulture, $"the package holds more than the limit of {_options.MaxRepeatedElements:N0} entries, links, commodity lines and agencies"),
                path);
        }
    }

    private string DescribeName() =>
        Xml.NamespaceURI == DisSchema.Namespace ? Xml.LocalName : $"{Xml.LocalName} (namespace '{Xml.NamespaceURI}')";

    /// <summary>A DocumentData while it is read.</summary>
    private sealed class DocumentState(int ordinal, string id, string path)
    {
        public int Ordinal { get; } = ordinal;

        public string Id { get; } = id;

        public string Path { get; } = path;

        public bool HeaderSeen { get; set; }

        public bool ObjectSeen { get; set; }

        public DisDocumentHeader Header { get; set; } = new(null, null, null, null, null, null, null);

        public List<string> Agencies { get; } = [];

        public List<DisCommodity> Commodities { get; } = [];

        public List<ImporterField> Importers { get; } = [];

        public DecodedDocument? Decoded { get; set; }

        public string? Location { get; set; }

        public DisDocument ToDocument() =>
            new(Ordinal, Id, Path, Header, Agencies, Commodities, Importers, Decoded, Location);
    }
}
