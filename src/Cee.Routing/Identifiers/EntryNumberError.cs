namespace Cee.Routing.Identifiers;

/// <summary>Why a text is not an entry number.</summary>
public enum EntryNumberError
{
    None = 0,
    Empty,
    WrongLength,
    MisplacedDash,
    InvalidFilerCharacter,
    NonDigitInNumber,
    NonDigitCheckDigit,
    CheckDigitMismatch,

    /// <summary><see cref="EntryNumber.TryCombine"/>: the separate filer code is not 3 characters.</summary>
    FilerCodeWrongLength,

    /// <summary><see cref="EntryNumber.TryCombine"/>: the part after the filer code is not 8 characters.</summary>
    NumberPartWrongLength,
}
