using System.Globalization;
using Cee.Routing.Dis;
using Cee.Routing.Documents;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Intake;

/// <summary>
/// The intake checks: one pass over what the reader took from a drop (a DIS package, or a bare
/// document and its manifest) that parses every identifier with its own type, turns each fault into a
/// coded finding, and builds the <see cref="IntakeResult"/> with its verdict.
/// </summary>
internal sealed class IntakeAssembler
{
    private const string SubmissionPath = "/MessageEnvelope/MessageBody/DocumentSubmissionPackage";
    private const string WithdrawalPath = "/MessageEnvelope/MessageBody/DocumentWithdrawal";

    private readonly DropReference _drop;
    private readonly IntakeOptions _options;
    private readonly List<string> _entries = [];
    private readonly HashSet<string> _entrySet = new(StringComparer.Ordinal);
    private readonly List<string> _entryFilers = [];
    private readonly List<ImporterRef> _importers = [];
    private readonly HashSet<string> _importerKeys = new(StringComparer.Ordinal);
    private readonly List<CommodityLine> _lines = [];
    private readonly List<IntakeDocument> _documents = [];

    public IntakeAssembler(DropReference drop, IntakeOptions options)
    {
        _drop = drop;
        _options = options;
        Findings = new FindingCollector(options.MaxFindingsPerCode);
    }

    public FindingCollector Findings { get; }

    public IntakeResult FromDis(DisPackage package)
    {
        Findings.AddRange(package.Findings);
        var payloadPath = package.Withdrawal is null ? SubmissionPath : WithdrawalPath;
        var port = CheckPort(package.SubmittedToPortCode, payloadPath + "/SubmittedToPortCode", "SubmittedToPortCode");
        if (package.Withdrawal is { } withdrawal)
        {
            CheckWithdrawal(withdrawal, port, package.SubmittedToPortCode);
        }

        if (package.Payload == DisSchema.SubmissionPayload)
        {
            CheckAction(package.ActionCode);
        }

        var trade = package.TradeTransaction;
        foreach (var link in trade?.Entries ?? [])
        {
            CheckEntry(link.EntryNumber, link.Filer, link.Path + "/EntryNumber", link.Element);
        }

        AddImporter(package.PackageIdentifier?.ImporterOfRecord);
        AddImporter(trade?.ImporterOfRecord);
        foreach (var document in package.Documents)
        {
            foreach (var importer in document.ImportersOfRecord)
            {
                AddImporter(importer);
            }
        }

        var filer = FilerCode(package.Header?.PreparerId);
        if (filer is not null && _entryFilers.Count > 0 && !_entryFilers.Contains(filer))
        {
            Findings.Add(FindingCodes.FilerMismatch, FindingSeverity.Warning,
                $"the message's PreparerID {filer} is not the filer code of the linked entries ({string.Join(", ", _entryFilers.Distinct())})",
                "/MessageEnvelope/MessageHeader/PreparerID");
        }

        filer ??= _entryFilers.FirstOrDefault();
        var (requestId, requestKind) = Request(package.CbpRequest);
        foreach (var document in package.Documents)
        {
            var header = document.Header;
            var kind = KindOf(header.DocumentLabel, requestId, requestKind, document.Path + "/DocumentHeader/DocumentLabel");
            if (header.DocumentLabel is null)
            {
                Findings.Add(FindingCodes.MissingElement, FindingSeverity.Warning,
                    $"document {document.Ordinal} has no DocumentLabel; its kind is {kind.ToWireName()}", document.Path + "/DocumentHeader");
            }

            CheckFileName(document);
            foreach (var commodity in document.Commodities)
            {
                AddLine(commodity.HtsNumber, commodity.EntryLineNumber, commodity.Path);
            }

            if (document.Decoded is not { } decoded)
            {
                continue;
            }

            var declared = FileSignatures.NormalizeDeclared(header.FileExtensionType) ?? FileSignatures.ExtensionOf(header.CompleteFileName);
            CheckDisTypes(document, decoded);
            _documents.Add(new IntakeDocument(
                decoded.DocumentId, Masked(header.DocumentId), Masked(header.DocumentLabel), kind, Masked(header.CompleteFileName), declared,
                decoded.DetectedType, decoded.Size, decoded.Sha256, document.Location));
        }

        CheckRequestNamed(requestId, requestKind, SubmissionPath + "/CBPRequest");
        CheckImporterConflict();
        return Result(DropKind.Dis, package.ContentSha256, port, filer, requestId) with { Message = package.Header, Withdrawal = package.Withdrawal };
    }

    public IntakeResult FromBareDocument(
        BareDocumentRead read, PendingDocument pending, DropManifest? manifest, IReadOnlyList<Finding> manifestFindings, bool nothingSupplied, bool supportedType)
    {
        Findings.AddRange(manifestFindings);
        if (nothingSupplied)
        {
            Findings.Add(FindingCodes.NoManifest, FindingSeverity.Warning,
                $"the document came with no manifest (no {pending.FileName}.cee.json beside it and no blob metadata): there is nothing to route on, so a person decides");
        }

        if (read.Failure is not null)
        {
            Findings.Add(read.Failure);
        }
        else if (!supportedType)
        {
            Findings.Add(FindingCodes.UnsupportedType, FindingSeverity.Error,
                "the drop is neither a DIS package (XML) nor a PDF, TIFF, JPEG or PNG: its first bytes match no signature; it was not stored");
        }

        string? port = null;
        string? filer = null;
        string? requestId = null;
        if (manifest is not null)
        {
            port = CheckPort(manifest.Port?.Text, manifest.Port?.Path ?? DropManifestParser.Port, "the manifest's port");
            filer = ManifestFiler(manifest.Filer);
            foreach (var entry in manifest.EntryNumbers)
            {
                CheckEntry(entry.Text, filer, entry.Path, "the manifest's entryNumbers");
            }

            filer ??= _entryFilers.FirstOrDefault();
            AddImporter(manifest.Importer);
            requestId = RealRequestId(manifest.CbpRequestId?.Text);
            foreach (var line in manifest.Lines)
            {
                AddLine(line.Hts, line.Line, line.Path);
            }
        }

        var label = manifest?.DocumentLabel?.Text;
        var kind = KindOf(label, requestId, null, DropManifestParser.DocumentLabel);
        if (read.Decoded is { } decoded)
        {
            if (supportedType && pending.DeclaredType is { } declared && !FileSignatures.Agree(declared, decoded.DetectedType))
            {
                Findings.Add(FindingCodes.TypeMismatch, FindingSeverity.Warning,
                    $"the file {pending.FileName} is named as {declared.ToUpperInvariant()} but its bytes are {decoded.DetectedType.ToUpperInvariant()}");
            }

            _documents.Add(new IntakeDocument(
                decoded.DocumentId, null, label, kind, pending.FileName, pending.DeclaredType,
                decoded.DetectedType, decoded.Size, decoded.Sha256, read.Location));
        }

        CheckRequestNamed(requestId, null, DropManifestParser.CbpRequestId);
        CheckImporterConflict();
        return Result(DropKind.Document, read.ContentSha256, port, filer, requestId);
    }

    private IntakeResult Result(DropKind kind, string contentSha256, string? port, string? filer, string? requestId) => new(
        _drop.DropId,
        SsnRedaction.Redact(_drop.Source),
        kind,
        contentSha256,
        Findings.Verdict,
        Findings.Build(),
        port,
        filer,
        _entries,
        _importers,
        requestId,
        _documents,
        _lines);

    // ---- Identifiers ----

    private string? CheckPort(string? text, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!PortCode.TryParse(text, out var port, out var error))
        {
            Findings.Add(FindingCodes.PortMalformed, FindingSeverity.Error,
                $"{what} '{text.Trim()}' is not a port code: {PortCode.Describe(error)}", path);
            return null;
        }

        if (!port.IsKnown)
        {
            Findings.Add(FindingCodes.PortUnknown, FindingSeverity.Warning,
                $"port {port} is well-formed but not in the port list; it is kept as given", path);
        }

        return port.ToString();
    }

    // The ledger is searched by (port, DocumentID): a withdrawal without either names nothing to find.
    private void CheckWithdrawal(WithdrawalRequest withdrawal, string? port, string? portText)
    {
        if (withdrawal.DocumentId is null)
        {
            Findings.Add(FindingCodes.WithdrawalNoDocumentId, FindingSeverity.Error,
                "the DocumentWithdrawal's DocumentHeader names no DocumentID: there is no document to withdraw", WithdrawalPath + "/DocumentHeader");
        }

        if (port is null && string.IsNullOrWhiteSpace(portText))
        {
            Findings.Add(FindingCodes.WithdrawalNoPort, FindingSeverity.Error,
                "the DocumentWithdrawal has no SubmittedToPortCode: the document it names cannot be found without the port it was sent to", WithdrawalPath);
        }
    }

    private void CheckAction(string? actionCode)
    {
        const string path = SubmissionPath + "/ActionCode";
        switch (actionCode?.Trim().ToUpperInvariant())
        {
            case null or "ADD" or "REPLACE":
                return;
            case "DELETE":
                Findings.Add(FindingCodes.ActionDelete, FindingSeverity.Error,
                    "ActionCode DELETE asks CBP to delete documents it holds: there is nothing to route", path);
                return;
            default:
                Findings.Add(FindingCodes.ActionUnknown, FindingSeverity.Warning,
                    $"ActionCode '{actionCode}' is not ADD, REPLACE or DELETE; the documents are read as an ADD", path);
                return;
        }
    }

    /// <summary>
    /// Parses an entry number written whole (11 or 13 characters) or as the 8 characters after the
    /// filer code (combined with <paramref name="filer"/>), and checks the filer agrees.
    /// </summary>
    private void CheckEntry(string? text, string? filer, string path, string what)
    {
        var written = text?.Trim();
        if (string.IsNullOrEmpty(written))
        {
            Findings.Add(FindingCodes.EntryMalformed, FindingSeverity.Error, $"{what} has no entry number", path);
            return;
        }

        var filerCode = string.IsNullOrWhiteSpace(filer) ? null : filer.Trim();

        // "61103162" or "6110316-2": the 7-digit number and check digit after the filer code.
        var eight = written.Length == 9 && written[7] == '-' ? string.Concat(written.AsSpan(0, 7), written.AsSpan(8)) : written;
        EntryNumber entry;
        EntryNumberError error;
        string shown;
        string significant;
        bool valid;
        if (eight.Length == 8)
        {
            if (filerCode is null)
            {
                Findings.Add(FindingCodes.EntryMalformed, FindingSeverity.Error,
                    $"{what} '{written}' holds only the 8 characters after the filer code, and no Filer gives the filer code", path);
                return;
            }

            shown = $"{filerCode}-{written}";
            significant = filerCode + eight;
            valid = EntryNumber.TryCombine(filerCode, eight, out entry, out error);
        }
        else
        {
            shown = written;
            significant = written;
            valid = EntryNumber.TryParse(written, out entry, out error);
        }

        if (!valid)
        {
            if (error == EntryNumberError.CheckDigitMismatch && EntryNumber.TryGetCheckDigits(significant, out var check, out var computed))
            {
                Findings.Add(FindingCodes.EntryCheckDigit, FindingSeverity.Error,
                    $"{what} {shown} is not a valid entry number: {EntryNumber.DescribeMismatch(check, computed)}", path);
            }
            else
            {
                Findings.Add(FindingCodes.EntryMalformed, FindingSeverity.Error,
                    $"{what} '{shown}' is not an entry number: {EntryNumber.Describe(error)}", path);
            }

            return;
        }

        if (filerCode is not null && !string.Equals(filerCode, entry.FilerCode, StringComparison.OrdinalIgnoreCase))
        {
            Findings.Add(FindingCodes.EntryFilerMismatch, FindingSeverity.Error,
                $"entry {entry} has filer code {entry.FilerCode}, but its filer is given as '{filerCode}'", path);
        }

        if (!_entryFilers.Contains(entry.FilerCode))
        {
            _entryFilers.Add(entry.FilerCode);
        }

        var normalized = entry.ToString();
        if (_entrySet.Add(normalized))
        {
            _entries.Add(normalized);
        }
    }

    private void AddImporter(ImporterField? field)
    {
        if (field is null)
        {
            return;
        }

        if (!field.IsValid)
        {
            Findings.Add(FindingCodes.ImporterMalformed, FindingSeverity.Error,
                $"'{field.Display}' is not an importer of record number: {ImporterNumber.Describe(field.Error)}", field.Path);
            return;
        }

        var reference = ImporterRef.From(field.Number, _options.ImporterKeys);
        if (_importerKeys.Add(reference.LookupKey))
        {
            _importers.Add(reference);
        }
    }

    private void CheckImporterConflict()
    {
        if (_importers.Count > 1)
        {
            Findings.Add(FindingCodes.ImporterConflict, FindingSeverity.Warning,
                string.Create(CultureInfo.InvariantCulture,
                    $"the drop names {_importers.Count} importers of record ({string.Join(", ", _importers.Select(i => i.Masked))}); routing sends it to a person"));
        }
    }

    private void AddLine(string? htsText, string? lineText, string path)
    {
        if (string.IsNullOrWhiteSpace(htsText))
        {
            return;
        }

        if (!HtsNumber.TryParse(htsText, out var hts, out var error))
        {
            Findings.Add(FindingCodes.HtsMalformed, FindingSeverity.Error,
                $"'{htsText.Trim()}' is not an HTSUS number: {HtsNumber.Describe(error)}", path);
            return;
        }

        int? line = null;
        if (!string.IsNullOrWhiteSpace(lineText))
        {
            if (int.TryParse(lineText, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                line = number;
            }
            else
            {
                Findings.Add(FindingCodes.LineMalformed, FindingSeverity.Warning,
                    $"entry line number '{lineText.Trim()}' of HTSUS {hts.ToDottedString()} is not a whole number from 1; the line is kept without it", path);
            }
        }

        _lines.Add(new CommodityLine(hts.ToString(), line));
    }

    private static string? FilerCode(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is { Length: 3 } && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed.ToUpperInvariant() : null;
    }

    private string? ManifestFiler(ManifestValue? value)
    {
        if (value is null)
        {
            return null;
        }

        if (FilerCode(value.Text) is { } filer)
        {
            return filer;
        }

        Findings.Add(FindingCodes.ManifestInvalidValue, FindingSeverity.Warning,
            $"the manifest's filer '{value.Text}' is not a 3-character filer code; it was ignored", value.Path);
        return null;
    }

    // ---- Request and kinds ----

    private static (string? Id, DocumentKind? Kind) Request(DisCbpRequest? request) =>
        (RealRequestId(request?.RequestId), RequestKind(request?.RequestType));

    /// <summary>
    /// The request id, or null for none, <c>UNSOLICITED</c> or <c>UNKNOWN</c>. Free text from the
    /// filer: SSN-like digits in it are masked before it goes anywhere (ledger, messages, inspect).
    /// </summary>
    private static string? RealRequestId(string? text)
    {
        var id = text?.Trim();
        return string.IsNullOrEmpty(id)
            || id.Equals("UNSOLICITED", StringComparison.OrdinalIgnoreCase)
            || id.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase)
            ? null
            : SsnRedaction.Redact(id);
    }

    /// <summary>A free-text field as it may be stored and shown: SSN-like digits masked, as importer numbers are.</summary>
    private static string? Masked(string? text) => text is null ? null : SsnRedaction.Redact(text);

    /// <summary>CF-28 or CF-29 from a CBPRequestType however it is written (<c>CF28</c>, <c>CF-28</c>, <c>CBP Form 28</c>, <c>RFI</c>…).</summary>
    private static DocumentKind? RequestKind(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var compact = new string([.. type.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        return compact switch
        {
            "CF28" or "CBPF28" or "CBPFORM28" or "FORM28" or "CBP28" or "28" or "RFI" or "REQUESTFORINFORMATION" => DocumentKind.Cf28Response,
            "CF29" or "CBPF29" or "CBPFORM29" or "FORM29" or "CBP29" or "29" or "NOA" or "NOTICEOFACTION" => DocumentKind.Cf29Response,
            _ => null,
        };
    }

    /// <summary>
    /// A document's kind: a response to a real CF-28/CF-29 request is that response whatever its label;
    /// otherwise the label table decides, and an unknown label is "other".
    /// </summary>
    private DocumentKind KindOf(string? label, string? requestId, DocumentKind? requestKind, string path)
    {
        if (requestId is not null && requestKind is { } responding)
        {
            return responding;
        }

        if (_options.DocumentKinds.Match(label) is { } rule)
        {
            return rule.Kind;
        }

        if (label is not null)
        {
            Findings.Add(FindingCodes.LabelUnknown, FindingSeverity.Info,
                $"the label '{label}' is not in the label table ({_options.DocumentKinds.Version}); the document's kind is other", path);
        }

        return DocumentKind.Other;
    }

    private void CheckRequestNamed(string? requestId, DocumentKind? requestKind, string path)
    {
        if (requestId is not null)
        {
            return;
        }

        var responses = _documents.Count(d => d.Kind is DocumentKind.Cf28Response or DocumentKind.Cf29Response);
        if (requestKind is not null || responses > 0)
        {
            Findings.Add(FindingCodes.RequestMissingId, FindingSeverity.Warning,
                requestKind is { } kind
                    ? $"the CBPRequestType names a {kind.ToWireName()[..4].ToUpperInvariant()} but no request id says which one (UNSOLICITED, UNKNOWN or empty)"
                    : string.Create(CultureInfo.InvariantCulture, $"{responses} document(s) are labelled as a CF-28/CF-29 response but no CBP request id says which request they answer"),
                path);
        }
    }

    // ---- Documents ----

    private void CheckFileName(DisDocument document)
    {
        var name = document.Header.CompleteFileName;
        if (name is null)
        {
            return;
        }

        var problems = new List<string>();
        if (name.AsSpan().IndexOfAny("'/\\%&") >= 0)
        {
            problems.Add("a character DIS excludes (apostrophe, /, \\, %, &)");
        }

        if (name.Split('/', '\\').Any(part => part is ".." or "."))
        {
            problems.Add("a path part (..); the name is only shown, never used as a path");
        }

        if (name.Contains("  ", StringComparison.Ordinal))
        {
            problems.Add("a double space");
        }

        if (problems.Count > 0)
        {
            Findings.Add(FindingCodes.FileName, FindingSeverity.Warning,
                $"document {document.Ordinal}: CompleteFileName '{name}' holds {string.Join(" and ", problems)}",
                document.Path + "/DocumentHeader/CompleteFileName");
        }
    }

    private void CheckDisTypes(DisDocument document, DecodedDocument decoded)
    {
        var header = document.Header;
        var declaredType = FileSignatures.NormalizeDeclared(header.FileExtensionType);
        var nameType = FileSignatures.ExtensionOf(header.CompleteFileName);
        var label = header.CompleteFileName ?? header.DocumentId ?? document.DocumentId;
        if (decoded.DetectedType == FileSignatures.Unknown)
        {
            Findings.Add(FindingCodes.TypeUnknown, FindingSeverity.Warning,
                $"document {document.Ordinal} ({label}): its bytes are none of PDF, TIFF, JPEG or PNG (declared {(declaredType ?? nameType ?? "nothing").ToUpperInvariant()})",
                document.Path + "/DocumentObject");
            return;
        }

        var disagreeing = new List<string>();
        if (declaredType is not null && !FileSignatures.Agree(declaredType, decoded.DetectedType))
        {
            disagreeing.Add($"FileExtensionType says {declaredType.ToUpperInvariant()}");
        }

        if (nameType is not null && !FileSignatures.Agree(nameType, decoded.DetectedType))
        {
            disagreeing.Add($"CompleteFileName says {nameType.ToUpperInvariant()}");
        }

        if (disagreeing.Count > 0)
        {
            Findings.Add(FindingCodes.TypeMismatch, FindingSeverity.Warning,
                $"document {document.Ordinal} ({label}): {string.Join(" and ", disagreeing)}, but its bytes are {decoded.DetectedType.ToUpperInvariant()}",
                document.Path + "/DocumentObject");
        }
    }
}
