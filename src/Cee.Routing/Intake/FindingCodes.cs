namespace Cee.Routing.Intake;

/// <summary>
/// Every finding code intake produces, with its severity. The codes are stable: scripts, ledger
/// reasons and quarantine metadata match on them (docs/intake.md lists them all).
/// </summary>
public static class FindingCodes
{
    // ---- The DIS package as XML: each hostile or broken input ends in its own code (all errors). ----

    /// <summary>Error: the package declares a DTD (XXE, entity expansion): refused before it is parsed.</summary>
    public const string DtdProhibited = "dis.dtd-prohibited";

    /// <summary>Error: the package is not well-formed XML.</summary>
    public const string MalformedXml = "dis.malformed-xml";

    /// <summary>Error: the package ends before its root element is closed (an upload cut short).</summary>
    public const string Truncated = "dis.truncated";

    /// <summary>Error: the package is larger than <c>DisReaderOptions.MaxPackageBytes</c>; reading stopped there.</summary>
    public const string PackageTooLarge = "dis.package-too-large";

    /// <summary>Error: elements nest deeper than <c>DisReaderOptions.MaxDepth</c>.</summary>
    public const string TooDeep = "dis.too-deep";

    /// <summary>Error: a text, attribute value or CDATA section outside DocumentObject is longer than <c>MaxTextChars</c>.</summary>
    public const string TextTooLong = "dis.text-too-long";

    /// <summary>Error: one tag (name and attributes) is longer than <c>MaxMarkupBytes</c>.</summary>
    public const string MarkupTooLong = "dis.markup-too-long";

    /// <summary>Error: more DocumentData than <c>MaxDocuments</c>.</summary>
    public const string TooManyDocuments = "dis.too-many-documents";

    /// <summary>Error: more repeated elements (entries, links, commodities, agencies) than <c>MaxRepeatedElements</c>.</summary>
    public const string TooManyElements = "dis.too-many-elements";

    /// <summary>Error: the package is UTF-16 or UTF-32; DIS packages are read as UTF-8 (or an ASCII-compatible encoding).</summary>
    public const string UnsupportedEncoding = "dis.unsupported-encoding";

    /// <summary>Error: the XML's root is not a DIS <c>MessageEnvelope</c> in namespace <c>http://cbp.dhs.gov/DIS</c>.</summary>
    public const string NotDis = "dis.not-dis";

    /// <summary>Error: the MessageBody holds a payload other than a DocumentSubmissionPackage or DocumentWithdrawal (data request, CBP response…): nothing to route.</summary>
    public const string UnsupportedPayload = "dis.unsupported-payload";

    /// <summary>Error: a DocumentWithdrawal whose DocumentHeader names no DocumentID: there is nothing to withdraw.</summary>
    public const string WithdrawalNoDocumentId = "withdrawal.no-document-id";

    /// <summary>Error: a DocumentWithdrawal with no SubmittedToPortCode: the document it names cannot be looked up.</summary>
    public const string WithdrawalNoPort = "withdrawal.no-port";

    /// <summary>Error (the workflow's, from the ledger): no document with that DocumentID (and entry) was submitted to that port.</summary>
    public const string WithdrawalUnknownDocument = "withdrawal.unknown-document";

    /// <summary>Error (the workflow's): the document named was already withdrawn, by an earlier withdrawal.</summary>
    public const string WithdrawalAlreadyWithdrawn = "withdrawal.already-withdrawn";

    /// <summary>Error (the workflow's): the document named is not with a Center (still being decided, waiting for a person, rejected or a duplicate).</summary>
    public const string WithdrawalNotWithCenter = "withdrawal.not-with-center";

    /// <summary>Error: the DocumentSubmissionPackage holds no DocumentData.</summary>
    public const string NoDocuments = "dis.no-documents";

    /// <summary>Error: a DocumentData has no DocumentObject.</summary>
    public const string MissingDocumentObject = "dis.missing-document-object";

    /// <summary>Warning: an element the schema requires is missing, and routing can do without it.</summary>
    public const string MissingElement = "dis.missing-element";

    /// <summary>Warning: an element the schema does not allow at that place; skipped.</summary>
    public const string UnexpectedElement = "dis.unexpected-element";

    /// <summary>Warning: elements are not in the schema's order (read anyway).</summary>
    public const string ElementOrder = "dis.element-order";

    /// <summary>Warning: an element the schema allows once appears again; the first one is used.</summary>
    public const string RepeatedElement = "dis.repeated-element";

    /// <summary>Error: ActionCode DELETE asks CBP to remove documents: nothing to route.</summary>
    public const string ActionDelete = "dis.action-delete";

    /// <summary>Warning: ActionCode is neither ADD, REPLACE nor DELETE.</summary>
    public const string ActionUnknown = "dis.action-unknown";

    /// <summary>Error: a DocumentObject is not valid Base64; the document was abandoned.</summary>
    public const string InvalidBase64 = "dis.invalid-base64";

    /// <summary>Error: a DocumentObject is empty and the document is not marked as previously submitted.</summary>
    public const string EmptyDocument = "dis.empty-document";

    /// <summary>Error: a decoded document is larger than <c>MaxDocumentBytes</c>; the document was abandoned.</summary>
    public const string DocumentTooLarge = "dis.document-too-large";

    /// <summary>Warning: an empty DocumentObject with DocPreviouslySubmitted Y refers to a document CBP already holds: no bytes to route.</summary>
    public const string PreviouslySubmitted = "dis.document-previously-submitted";

    // ---- Documents (DIS and bare). ----

    /// <summary>Warning: the bytes are one type (e.g. TIFF) and FileExtensionType or the file name say another (e.g. PDF).</summary>
    public const string TypeMismatch = "document.type-mismatch";

    /// <summary>Warning: a DIS document's bytes are none of PDF, TIFF, JPEG or PNG.</summary>
    public const string TypeUnknown = "document.type-unknown";

    /// <summary>Warning: CompleteFileName holds a character DIS excludes (apostrophe, /, \, %, &amp;), a path part (..) or stray spaces.</summary>
    public const string FileName = "document.file-name";

    /// <summary>Info: the DocumentLabel is not in the label table; the document's kind is "other".</summary>
    public const string LabelUnknown = "document.label-unknown";

    /// <summary>Warning: a bare document came with no manifest (sidecar or blob metadata): nothing to route on, so a person decides.</summary>
    public const string NoManifest = "document.no-manifest";

    /// <summary>Error: a bare drop is neither a DIS package nor a PDF, TIFF, JPEG or PNG.</summary>
    public const string UnsupportedType = "document.unsupported-type";

    /// <summary>Error: the drop is empty (zero bytes).</summary>
    public const string EmptyDrop = "document.empty";

    /// <summary>Error: a bare document is larger than <c>MaxDocumentBytes</c>.</summary>
    public const string BareDocumentTooLarge = "document.too-large";

    // ---- The drop as a file, before it is read (hosts that can tell, e.g. cee route). ----

    /// <summary>Error: the drop (or its manifest) is not a regular file: a symbolic link (never followed), a pipe, a device or a socket. Not read.</summary>
    public const string DropNotRegularFile = "drop.not-regular-file";

    /// <summary>Error: the drop is larger than the package limit (its size known before reading). Not read.</summary>
    public const string DropTooLarge = "drop.too-large";

    // ---- The manifest of a bare document. ----

    /// <summary>Error: the sidecar manifest is not valid UTF-8, or a string in it escapes a lone surrogate: the drop is rejected, since its facts cannot be read as written.</summary>
    public const string ManifestEncoding = "manifest.encoding";

    /// <summary>Warning: the sidecar manifest is not a JSON object; the document is kept and treated as having no manifest.</summary>
    public const string ManifestMalformed = "manifest.malformed";

    /// <summary>Warning: a manifest key has a value of the wrong shape; that key is ignored.</summary>
    public const string ManifestInvalidValue = "manifest.invalid-value";

    /// <summary>Warning: a manifest key intake does not know (a typo such as <c>entryNumber</c>); ignored.</summary>
    public const string ManifestUnknownKey = "manifest.unknown-key";

    /// <summary>Warning: the manifest is larger than <c>IntakeOptions.MaxManifestBytes</c>; ignored.</summary>
    public const string ManifestTooLarge = "manifest.too-large";

    /// <summary>Info: a manifest was supplied where it is not used (beside a DIS package, or blob metadata beside a sidecar file).</summary>
    public const string ManifestIgnored = "manifest.ignored";

    // ---- Identifiers and links. ----

    /// <summary>Error: an entry number whose check digit does not match (Luhn mod 10).</summary>
    public const string EntryCheckDigit = "entry.check-digit";

    /// <summary>Error: an entry number that is not shaped like one.</summary>
    public const string EntryMalformed = "entry.malformed";

    /// <summary>Error: an Entry/EntrySummary Filer (or the manifest's filer) disagrees with the entry number's filer code.</summary>
    public const string EntryFilerMismatch = "entry.filer-mismatch";

    /// <summary>Warning: the message's PreparerID (the filer) differs from the filer code of the linked entries.</summary>
    public const string FilerMismatch = "filer.mismatch";

    /// <summary>Error: an importer of record number that is not an EIN, SSN or CBP-assigned number.</summary>
    public const string ImporterMalformed = "importer.malformed";

    /// <summary>Warning: the drop names more than one importer of record; routing sends it to a person.</summary>
    public const string ImporterConflict = "importer.conflict";

    /// <summary>Error: a port code that is not 4 digits.</summary>
    public const string PortMalformed = "port.malformed";

    /// <summary>Warning: a well-formed port code the port list does not name.</summary>
    public const string PortUnknown = "port.unknown";

    /// <summary>Error: an HTSUS number that is not one.</summary>
    public const string HtsMalformed = "hts.malformed";

    /// <summary>Warning: an EntryLineNumber that is not a whole number; the line is kept without it.</summary>
    public const string LineMalformed = "line.malformed";

    /// <summary>Warning: documents look like a CF-28/CF-29 response (label or CBPRequestType) but no CBP request id names the request.</summary>
    public const string RequestMissingId = "request.missing-id";
}
