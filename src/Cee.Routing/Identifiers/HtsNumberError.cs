namespace Cee.Routing.Identifiers;

/// <summary>Why a text is not an HTSUS number.</summary>
public enum HtsNumberError
{
    None = 0,
    Empty,
    InvalidCharacter,
    MisplacedDot,
    WrongDigitCount,
    TooLong,
    ChapterZero,
    ReservedChapter,
}
