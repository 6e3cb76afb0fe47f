namespace Cee.Samples;

/// <summary>One DocumentData to write.</summary>
public sealed class DisDocumentSpec
{
    public byte[] Bytes { get; set; } = [];

    public string? Label { get; set; }

    public string? FileName { get; set; }

    public string? Type { get; set; }

    public string? DocumentId { get; set; }

    public string? PreviouslySubmitted { get; set; }

    /// <summary>Written verbatim as the DocumentObject text instead of the Base64 of <see cref="Bytes"/>.</summary>
    public string? RawObject { get; set; }

    public List<(string? Hts, string? Line)> Commodities { get; } = [];

    public List<(string? Hts, string? Line)> InvoiceLines { get; } = [];

    public List<string> Agencies { get; } = [];

    public string? CertificateImporter { get; set; }

    public string? PermitImporter { get; set; }
}
