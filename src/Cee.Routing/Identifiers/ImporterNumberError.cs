namespace Cee.Routing.Identifiers;

/// <summary>Why a text is not an importer of record number.</summary>
public enum ImporterNumberError
{
    None = 0,
    Empty,
    WrongLength,
    MisplacedDash,
    NonDigit,
    EinMissingSuffix,
    InvalidSuffixCharacter,
    ExcludedSuffixLetter,
    SsnAreaZero,
    SsnArea666,
    SsnAreaNotIssued,
    SsnGroupZero,
    SsnSerialZero,
}
