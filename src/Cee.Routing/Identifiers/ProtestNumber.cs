using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Cee.Routing.Identifiers;

/// <summary>
/// A protest number: port code, year and 6-digit serial. Written <c>PPPP-YYYY-NNNNNN</c>
/// (<c>3901-2018-100274</c>), the older <c>PPPP-YY-NNNNNN</c> (<c>3901-18-100274</c>), or the same
/// digits without dashes (12 or 14 digits). Always normalized to <c>PPPP-YYYY-NNNNNN</c>.
/// </summary>
/// <remarks>
/// <para>
/// A 2-digit year YY is 20YY when YY &lt;= 69 and 19YY otherwise. CBP protests predate 2000 but
/// not 1970, so the window 1970–2069 covers every real protest; a 4-digit year outside it is
/// rejected as a typo.
/// </para>
/// <para><c>default(ProtestNumber)</c> holds no number and formats as an empty string.</para>
/// </remarks>
public readonly struct ProtestNumber : IEquatable<ProtestNumber>, ISpanFormattable
{
    /// <summary>Two-digit years up to this one are 20YY, the rest 19YY.</summary>
    public const int TwoDigitYearPivot = 69;

    /// <summary>The earliest year a protest number can carry.</summary>
    public const int MinYear = 1970;

    /// <summary>The latest year a protest number can carry (the last year the 2-digit form reaches).</summary>
    public const int MaxYear = 2069;

    private const int FormattedLength = 16;
    private const int ShortDigits = 12;
    private const int LongDigits = 14;
    private const int ShortDashedLength = 14;

    private static readonly SearchValues<char> DigitsAndDash = SearchValues.Create("0123456789-");

    private readonly int _serial;
    private readonly short _port;

    // 0 only in default: every parsed number has a year in 1970–2069.
    private readonly short _year;

    private ProtestNumber(int port, int year, int serial)
    {
        _port = (short)port;
        _year = (short)year;
        _serial = serial;
    }

    /// <summary>The port where the protest was filed.</summary>
    public PortCode Port => _year == 0 ? default : new PortCode(_port);

    /// <summary>The 4-digit year, 1970–2069 (0 for <c>default</c>).</summary>
    public int Year => _year;

    /// <summary>The 6-digit serial number, 0–999,999.</summary>
    public int Serial => _serial;

    public static bool TryParse(ReadOnlySpan<char> text, out ProtestNumber number) =>
        TryParse(text, out number, out _);

    /// <summary>Parses a written protest number without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ProtestNumber number, out ProtestNumberError error)
    {
        number = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            error = ProtestNumberError.Empty;
            return false;
        }

        if (text.ContainsAnyExcept(DigitsAndDash))
        {
            error = ProtestNumberError.NonDigit;
            return false;
        }

        // Port, year and serial lie at these offsets in both the dashed and the undashed forms.
        int yearStart, yearLength;
        var dashes = text.Count('-');
        if (dashes == 0 && text.Length is ShortDigits or LongDigits)
        {
            (yearStart, yearLength) = (4, text.Length - 10);
        }
        else if (dashes == 2 && text.Length is ShortDashedLength or FormattedLength && text[4] == '-' && text[^7] == '-')
        {
            (yearStart, yearLength) = (5, text.Length - 12);
        }
        else
        {
            var significant = text.Length - dashes;
            error = dashes > 0 && significant is ShortDigits or LongDigits ? ProtestNumberError.MisplacedDash : ProtestNumberError.WrongLength;
            return false;
        }

        var port = text[..4];
        var year = text.Slice(yearStart, yearLength);
        var serial = text[^6..];
        var yearNumber = ToNumber(year);
        if (year.Length == 2)
        {
            yearNumber += yearNumber <= TwoDigitYearPivot ? 2000 : 1900;
        }
        else if (yearNumber is < MinYear or > MaxYear)
        {
            error = ProtestNumberError.YearOutOfRange;
            return false;
        }

        number = new ProtestNumber(ToNumber(port), yearNumber, ToNumber(serial));
        error = ProtestNumberError.None;
        return true;
    }

    /// <summary>Parses or throws a <see cref="FormatException"/> with the reason.</summary>
    public static ProtestNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var number, out var error)
            ? number
            : throw new FormatException($"'{SsnRedaction.Redact(text)}' is not a protest number: {Describe(error)}");
    }

    /// <summary>A sentence for a parse failure.</summary>
    public static string Describe(ProtestNumberError error) => error switch
    {
        ProtestNumberError.None => "valid",
        ProtestNumberError.Empty => "empty",
        ProtestNumberError.NonDigit => "a protest number holds only digits and dashes, e.g. 3901-2018-100274",
        ProtestNumberError.WrongLength => "a protest number is port (4 digits), year (2 or 4) and serial (6): PPPP-YYYY-NNNNNN, PPPP-YY-NNNNNN, or 12 or 14 digits without dashes",
        ProtestNumberError.MisplacedDash => "dashes stand only after the port and after the year, as in 3901-2018-100274 or 3901-18-100274",
        ProtestNumberError.YearOutOfRange => "a protest year lies between 1970 and 2069",
        _ => error.ToString(),
    };

    /// <summary>The normalized form <c>PPPP-YYYY-NNNNNN</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Format <c>N</c> writes the 14 digits without dashes; anything else the dashed form.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[FormattedLength];
        TryFormat(buffer, out var written, format, formatProvider);
        return new string(buffer[..written]);
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (_year == 0)
        {
            return true;
        }

        var dashed = !(format.Length == 1 && (format[0] | 0x20) == 'n');
        var length = dashed ? FormattedLength : LongDigits;
        if (destination.Length < length)
        {
            return false;
        }

        var position = WriteDigits(_port, 4, destination, 0);
        if (dashed)
        {
            destination[position++] = '-';
        }

        position = WriteDigits(_year, 4, destination, position);
        if (dashed)
        {
            destination[position++] = '-';
        }

        charsWritten = WriteDigits(_serial, 6, destination, position);
        return true;
    }

    public bool Equals(ProtestNumber other) => _port == other._port && _year == other._year && _serial == other._serial;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ProtestNumber other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_port, _year, _serial);

    public static bool operator ==(ProtestNumber left, ProtestNumber right) => left.Equals(right);

    public static bool operator !=(ProtestNumber left, ProtestNumber right) => !left.Equals(right);

    private static int ToNumber(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var ch in digits)
        {
            value = (value * 10) + (ch - '0');
        }

        return value;
    }

    private static int WriteDigits(int value, int count, Span<char> destination, int position)
    {
        for (var i = position + count - 1; i >= position; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return position + count;
    }
}
