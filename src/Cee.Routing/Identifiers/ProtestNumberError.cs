namespace Cee.Routing.Identifiers;

/// <summary>Why a text is not a protest number.</summary>
public enum ProtestNumberError
{
    None = 0,
    Empty,
    NonDigit,
    WrongLength,
    MisplacedDash,
    YearOutOfRange,
}
