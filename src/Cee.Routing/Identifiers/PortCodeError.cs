namespace Cee.Routing.Identifiers;

/// <summary>Why a text is not a port code.</summary>
public enum PortCodeError
{
    None = 0,
    Empty,
    NonDigit,
    WrongLength,
}
