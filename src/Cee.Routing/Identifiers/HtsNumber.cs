using System.Diagnostics.CodeAnalysis;

namespace Cee.Routing.Identifiers;

/// <summary>
/// An HTSUS number at one of its five levels: chapter (2 digits), heading (4), subheading (6),
/// tariff line (8) or statistical reporting number (10). Accepts the written forms
/// <c>8471.30.0100</c>, <c>8471.30.01.00</c> and <c>8471300100</c>; dots may stand only between
/// levels (after the 4th, 6th or 8th digit).
/// </summary>
public readonly struct HtsNumber : IEquatable<HtsNumber>, ISpanFormattable
{
    private const int MaxDigits = 10;

    // The digits as an integer plus their count: 8471300100 with 10, or 84 with 2. Leading
    // zeros (chapter 01–09) are kept by the count.
    private readonly ulong _value;
    private readonly byte _digits;

    private HtsNumber(ulong value, int digits)
    {
        _value = value;
        _digits = (byte)digits;
    }

    /// <summary>Number of digits: 2, 4, 6, 8 or 10 (0 for <c>default</c>).</summary>
    public int DigitCount => _digits;

    /// <summary>The chapter, 1–99.</summary>
    public int Chapter => _digits == 0 ? 0 : (int)(_value / Pow10(_digits - 2));

    /// <summary>The heading (4 digits, e.g. 8471), or -1 when the number is only a chapter.</summary>
    public int Heading => _digits >= 4 ? (int)(_value / Pow10(_digits - 4)) : -1;

    /// <summary>The subheading (6 digits, e.g. 847130), or -1 when the number is shorter.</summary>
    public int Subheading => _digits >= 6 ? (int)(_value / Pow10(_digits - 6)) : -1;

    /// <summary>Chapters 98 and 99 hold special and temporary provisions, reported beside a chapter 01–97 number.</summary>
    public bool IsSpecialProvision => Chapter >= 98;

    public static bool TryParse(ReadOnlySpan<char> text, out HtsNumber number) =>
        TryParse(text, out number, out _);

    /// <summary>Parses a written HTSUS number without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out HtsNumber number, out HtsNumberError error)
    {
        number = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            error = HtsNumberError.Empty;
            return false;
        }

        ulong value = 0;
        var digits = 0;
        var previousWasDot = false;
        foreach (var ch in text)
        {
            if (ch is >= '0' and <= '9')
            {
                if (++digits > MaxDigits)
                {
                    error = HtsNumberError.TooLong;
                    return false;
                }

                value = (value * 10) + (uint)(ch - '0');
                previousWasDot = false;
            }
            else if (ch == '.')
            {
                if (previousWasDot || digits is not (4 or 6 or 8))
                {
                    error = HtsNumberError.MisplacedDot;
                    return false;
                }

                previousWasDot = true;
            }
            else
            {
                error = HtsNumberError.InvalidCharacter;
                return false;
            }
        }

        if (previousWasDot)
        {
            error = HtsNumberError.MisplacedDot;
            return false;
        }

        if (digits is not (2 or 4 or 6 or 8 or 10))
        {
            error = HtsNumberError.WrongDigitCount;
            return false;
        }

        var chapter = value / Pow10(digits - 2);
        if (chapter == 0)
        {
            error = HtsNumberError.ChapterZero;
            return false;
        }

        // The Harmonized System reserves chapter 77 for future use: no number can be in it.
        if (chapter == 77)
        {
            error = HtsNumberError.ReservedChapter;
            return false;
        }

        number = new HtsNumber(value, digits);
        error = HtsNumberError.None;
        return true;
    }

    /// <summary>Parses or throws a <see cref="FormatException"/> with the reason.</summary>
    public static HtsNumber Parse(string text) =>
        TryParse(text, out var number, out var error)
            ? number
            : throw new FormatException($"'{text}' is not an HTSUS number: {Describe(error)}");

    /// <summary>A sentence for a parse failure.</summary>
    public static string Describe(HtsNumberError error) => error switch
    {
        HtsNumberError.None => "valid",
        HtsNumberError.Empty => "empty",
        HtsNumberError.InvalidCharacter => "only digits and dots are allowed",
        HtsNumberError.MisplacedDot => "a dot may stand only after the 4th, 6th or 8th digit, e.g. 8471.30.01.00",
        HtsNumberError.WrongDigitCount => "an HTSUS number has 2, 4, 6, 8 or 10 digits",
        HtsNumberError.TooLong => "more than 10 digits",
        HtsNumberError.ChapterZero => "there is no chapter 00",
        HtsNumberError.ReservedChapter => "chapter 77 is reserved in the Harmonized System and holds no numbers",
        _ => error.ToString(),
    };

    /// <summary>The plain digits, e.g. <c>8471300100</c>.</summary>
    public override string ToString() => string.Create(_digits, this, static (span, n) => n.WriteDigits(span));

    /// <summary>The dotted form used in the HTSUS, e.g. <c>8471.30.01.00</c>.</summary>
    public string ToDottedString()
    {
        Span<char> digits = stackalloc char[MaxDigits];
        WriteDigits(digits[.._digits]);
        Span<char> dotted = stackalloc char[MaxDigits + 3];
        var length = 0;
        for (var i = 0; i < _digits; i++)
        {
            if (i is 4 or 6 or 8)
            {
                dotted[length++] = '.';
            }

            dotted[length++] = digits[i];
        }

        return new string(dotted[..length]);
    }

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        format is "D" ? ToDottedString() : ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < _digits)
        {
            charsWritten = 0;
            return false;
        }

        WriteDigits(destination[.._digits]);
        charsWritten = _digits;
        return true;
    }

    public bool Equals(HtsNumber other) => _value == other._value && _digits == other._digits;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is HtsNumber other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_value, _digits);

    public static bool operator ==(HtsNumber left, HtsNumber right) => left.Equals(right);

    public static bool operator !=(HtsNumber left, HtsNumber right) => !left.Equals(right);

    private void WriteDigits(Span<char> destination)
    {
        var value = _value;
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
    }

    private static ulong Pow10(int exponent) => PowersOfTen[exponent];

    private static ReadOnlySpan<ulong> PowersOfTen => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
}
