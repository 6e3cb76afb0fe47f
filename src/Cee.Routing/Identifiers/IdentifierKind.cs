namespace Cee.Routing.Identifiers;

/// <summary>The identifiers a CBP imaging document can carry.</summary>
public enum IdentifierKind
{
    /// <summary>Entry number, <see cref="EntryNumber"/>.</summary>
    Entry,

    /// <summary>Importer of record number, <see cref="ImporterNumber"/>.</summary>
    Importer,

    /// <summary>HTSUS number, <see cref="HtsNumber"/>.</summary>
    Hts,

    /// <summary>Schedule D port code, <see cref="PortCode"/>.</summary>
    Port,

    /// <summary>Protest number, <see cref="ProtestNumber"/>.</summary>
    Protest,
}
