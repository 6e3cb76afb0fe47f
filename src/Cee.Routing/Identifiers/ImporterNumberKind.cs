namespace Cee.Routing.Identifiers;

/// <summary>The three forms of an importer of record number on CBP Form 5106.</summary>
public enum ImporterNumberKind
{
    /// <summary><c>default(ImporterNumber)</c>: no number.</summary>
    None = 0,

    /// <summary>IRS employer identification number with a 2-character suffix, <c>NN-NNNNNNNXX</c>.</summary>
    Ein,

    /// <summary>Social Security number, <c>NNN-NN-NNNN</c>: personal data, only ever shown masked.</summary>
    Ssn,

    /// <summary>Number assigned by CBP, <c>YYDDPP-NNNNN</c>.</summary>
    CbpAssigned,
}
