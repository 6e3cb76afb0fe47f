using System.Diagnostics.CodeAnalysis;

namespace Cee.Routing.Identifiers;

/// <summary>
/// A Schedule D port code: exactly 4 digits, district (2) and port (2), e.g. <c>2704</c> Los Angeles.
/// A well-formed code that <see cref="PortNames"/> does not list is still valid: Schedule D is longer
/// than the list, so <see cref="IsKnown"/> is false and <see cref="Name"/> null rather than a failure.
/// </summary>
/// <remarks><c>default(PortCode)</c> holds no code and formats as an empty string.</remarks>
public readonly struct PortCode : IEquatable<PortCode>, ISpanFormattable
{
    private const int Digits = 4;

    // The code + 1, so that default (0) is distinguishable from port 0000.
    private readonly ushort _value;

    internal PortCode(int code) => _value = (ushort)(code + 1);

    /// <summary>The code as a number, 0–9999 (2704 for Los Angeles); -1 for <c>default</c>.</summary>
    public int Code => _value - 1;

    /// <summary>The district, the first 2 digits (27 for 2704); -1 for <c>default</c>.</summary>
    public int District => _value == 0 ? -1 : Code / 100;

    /// <summary>The port within the district, the last 2 digits (04 for 2704); -1 for <c>default</c>.</summary>
    public int Port => _value == 0 ? -1 : Code % 100;

    /// <summary>True when <see cref="PortNames"/> lists the code.</summary>
    public bool IsKnown => _value != 0 && PortNames.TryGetName(Code, out _);

    /// <summary>The port's name, or null when <see cref="PortNames"/> does not list the code.</summary>
    public string? Name => _value != 0 && PortNames.TryGetName(Code, out var name) ? name : null;

    public static bool TryParse(ReadOnlySpan<char> text, out PortCode port) =>
        TryParse(text, out port, out _);

    /// <summary>Parses a 4-digit port code without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PortCode port, out PortCodeError error)
    {
        port = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            error = PortCodeError.Empty;
            return false;
        }

        var code = 0;
        foreach (var ch in text)
        {
            var digit = (uint)(ch - '0');
            if (digit > 9)
            {
                error = PortCodeError.NonDigit;
                return false;
            }

            code = (code * 10) + (int)digit;
        }

        if (text.Length != Digits)
        {
            error = PortCodeError.WrongLength;
            return false;
        }

        port = new PortCode(code);
        error = PortCodeError.None;
        return true;
    }

    /// <summary>Parses or throws a <see cref="FormatException"/> with the reason.</summary>
    public static PortCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var port, out var error)
            ? port
            : throw new FormatException($"'{SsnRedaction.Redact(text)}' is not a port code: {Describe(error)}");
    }

    /// <summary>A sentence for a parse failure.</summary>
    public static string Describe(PortCodeError error) => error switch
    {
        PortCodeError.None => "valid",
        PortCodeError.Empty => "empty",
        PortCodeError.NonDigit => "a port code is made of digits only, e.g. 2704",
        PortCodeError.WrongLength => "a port code has exactly 4 digits, district (2) and port (2), e.g. 2704",
        _ => error.ToString(),
    };

    /// <summary>The 4 digits, e.g. <c>0901</c>.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[Digits];
        TryFormat(buffer, out var written, default, null);
        return new string(buffer[..written]);
    }

    /// <summary>There is one form; the format is ignored.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (_value == 0)
        {
            return true;
        }

        if (destination.Length < Digits)
        {
            return false;
        }

        var code = Code;
        for (var i = Digits - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (code % 10));
            code /= 10;
        }

        charsWritten = Digits;
        return true;
    }

    public bool Equals(PortCode other) => _value == other._value;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PortCode other && Equals(other);

    public override int GetHashCode() => _value;

    public static bool operator ==(PortCode left, PortCode right) => left.Equals(right);

    public static bool operator !=(PortCode left, PortCode right) => !left.Equals(right);
}
