using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Cee.Routing.Identifiers;

/// <summary>
/// An importer of record number (CBP Form 5106) in one of three forms:
/// <list type="bullet">
/// <item><see cref="ImporterNumberKind.Ein"/>: IRS EIN with a 2-character suffix, <c>NN-NNNNNNNXX</c>
/// (the suffix is letters or digits but never O, I or Z, and is usually <c>00</c>);</item>
/// <item><see cref="ImporterNumberKind.Ssn"/>: Social Security number, <c>NNN-NN-NNNN</c>;</item>
/// <item><see cref="ImporterNumberKind.CbpAssigned"/>: CBP-assigned, <c>YYDDPP-NNNNN</c>.</item>
/// </list>
/// The dashed forms are unambiguous. Without dashes, 9 digits are an SSN and 11 characters with a
/// letter in the last two are an EIN. <b>11 digits without dashes could be an EIN with a numeric
/// suffix or a CBP-assigned number; they are read as an EIN</b>, by far the common form in ACE. Code
/// that looks an account up must therefore use its lookup key (<see cref="ImporterLookupKeys.For"/>),
/// which is the same for <c>12345678900</c>, <c>12-345678900</c> and <c>123456-78900</c>, not equality
/// (which includes the kind).
/// </summary>
/// <remarks>
/// An SSN is personal data (CEE.md §3). Its digits are kept only to compare numbers and to derive
/// its keyed lookup key; <see cref="ToString()"/>, every format, <see cref="Masked"/> and JSON
/// (<see cref="ImporterNumberJsonConverter"/>) give <c>***-**-NNNN</c>. <c>default(ImporterNumber)</c>
/// has kind <see cref="ImporterNumberKind.None"/> and formats as an empty string.
/// </remarks>
[JsonConverter(typeof(ImporterNumberJsonConverter))]
public readonly struct ImporterNumber : IEquatable<ImporterNumber>, ISpanFormattable
{
    private const int FormattedLength = 12;
    private const int SignificantLength = 11;
    private const int SsnLength = 9;

    // Every form is at most 11 significant characters: the first 9 are always digits (kept as a
    // number), the last 2 (EIN suffix, or the end of a CBP-assigned number) as 6-bit character
    // codes + 1, so 0 means "none" (an SSN).
    private readonly int _head;
    private readonly ushort _tail;
    private readonly byte _kind;

    private ImporterNumber(ImporterNumberKind kind, int head, int tail)
    {
        _kind = (byte)kind;
        _head = head;
        _tail = (ushort)tail;
    }

    /// <summary>Which of the three forms this is.</summary>
    public ImporterNumberKind Kind => (ImporterNumberKind)_kind;

    /// <summary>The form safe to show anywhere: the same as <see cref="ToString()"/>, <c>***-**-NNNN</c> for an SSN.</summary>
    public string Masked => ToString();

    /// <summary>
    /// The 11 characters of an EIN or CBP-assigned number without dashes, upper-case; empty for an
    /// SSN (whose key is keyed, see <see cref="ImporterLookupKeys"/>) and for <c>default</c>.
    /// </summary>
    internal string Significant
    {
        get
        {
            if (Kind is not (ImporterNumberKind.Ein or ImporterNumberKind.CbpAssigned))
            {
                return string.Empty;
            }

            Span<char> key = stackalloc char[SignificantLength];
            WriteSignificant(key);
            return new string(key);
        }
    }

    /// <summary>Writes the 9 SSN digits as ASCII bytes, for <see cref="ImporterLookupKeys"/> only.</summary>
    internal void WriteSsnDigits(Span<byte> destination)
    {
        var digits = _head;
        for (var i = 8; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (digits % 10));
            digits /= 10;
        }
    }

    public static bool TryParse(ReadOnlySpan<char> text, out ImporterNumber number) =>
        TryParse(text, out number, out _);

    /// <summary>Parses a written importer number without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ImporterNumber number, out ImporterNumberError error)
    {
        number = default;
        text = TrimEnds(text);
        if (text.IsEmpty)
        {
            error = ImporterNumberError.Empty;
            return false;
        }

        var first = text.IndexOf('-');
        if (first < 0)
        {
            error = text.Length switch
            {
                SsnLength => ParseSsn(text[..3], text[3..5], text[5..], out number),

                // 11 digits: EIN with a numeric suffix or CBP-assigned; read as an EIN (see the type's summary).
                SignificantLength => ParseEin(text[..2], text[2..9], text[9..], out number),
                _ => ImporterNumberError.WrongLength,
            };
            return error == ImporterNumberError.None;
        }

        var dashes = text.Count('-');
        if (dashes == 1)
        {
            switch (first, text.Length)
            {
                case (2, FormattedLength):
                    error = ParseEin(text[..2], text[3..10], text[10..], out number);
                    return error == ImporterNumberError.None;
                case (2, 10):
                    error = AllDigits(text[..2]) && AllDigits(text[3..]) ? ImporterNumberError.EinMissingSuffix : ImporterNumberError.NonDigit;
                    return false;
                case (6, FormattedLength):
                    error = ParseCbpAssigned(text[..6], text[7..], out number);
                    return error == ImporterNumberError.None;
            }
        }
        else if (dashes == 2 && first == 3 && text.Length == SsnLength + 2 && text[6] == '-')
        {
            error = ParseSsn(text[..3], text[4..6], text[7..], out number);
            return error == ImporterNumberError.None;
        }

        // Dashes where no form puts them: misplaced when the characters without them are the
        // right number for some form, otherwise the length is wrong.
        var significant = text.Length - dashes;
        error = significant is SsnLength or SignificantLength ? ImporterNumberError.MisplacedDash : ImporterNumberError.WrongLength;
        return false;
    }

    /// <summary>
    /// Parses or throws a <see cref="FormatException"/> with the reason. The message never repeats
    /// the text, since it may be an SSN.
    /// </summary>
    public static ImporterNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var number, out var error)
            ? number
            : throw new FormatException($"Not an importer number: {Describe(error)}");
    }

    /// <summary>A sentence for a parse failure. None of them repeats digits of the input.</summary>
    public static string Describe(ImporterNumberError error) => error switch
    {
        ImporterNumberError.None => "valid",
        ImporterNumberError.Empty => "empty",
        ImporterNumberError.WrongLength => "an importer number is an EIN with suffix (NN-NNNNNNNXX), an SSN (NNN-NN-NNNN) or a CBP-assigned number (YYDDPP-NNNNN): 11 or 9 characters without the dashes",
        ImporterNumberError.MisplacedDash => "dashes stand only as in NN-NNNNNNNXX (EIN), NNN-NN-NNNN (SSN) or YYDDPP-NNNNN (CBP-assigned)",
        ImporterNumberError.NonDigit => "only the 2-character EIN suffix may hold letters; every other character is a digit",
        ImporterNumberError.EinMissingSuffix => "an EIN needs its 2-character suffix, e.g. 12-345678900",
        ImporterNumberError.InvalidSuffixCharacter => "the EIN suffix (last 2 characters) is letters or digits",
        ImporterNumberError.ExcludedSuffixLetter => "the EIN suffix never uses the letters O, I or Z, which read as 0, 1 and 2",
        ImporterNumberError.SsnAreaZero => "an SSN never has area number 000 (its first 3 digits)",
        ImporterNumberError.SsnArea666 => "an SSN never has area number 666 (its first 3 digits)",
        ImporterNumberError.SsnAreaNotIssued => "SSN area numbers 900 to 999 (the first 3 digits) are not issued",
        ImporterNumberError.SsnGroupZero => "an SSN never has group number 00 (its 4th and 5th digits)",
        ImporterNumberError.SsnSerialZero => "an SSN never has serial number 0000 (its last 4 digits)",
        _ => error.ToString(),
    };

    /// <summary>The dashed form, upper-case; for an SSN the masked <c>***-**-NNNN</c>.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[FormattedLength];
        TryFormat(buffer, out var written, default, null);
        return new string(buffer[..written]);
    }

    /// <summary>Every format gives <see cref="ToString()"/>: no format string can reveal an SSN.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var length = Kind switch
        {
            ImporterNumberKind.None => 0,
            ImporterNumberKind.Ssn => SsnLength + 2,
            _ => FormattedLength,
        };
        charsWritten = 0;
        if (destination.Length < length)
        {
            return false;
        }

        switch (Kind)
        {
            case ImporterNumberKind.Ssn:
                "***-**-".CopyTo(destination);
                WriteDigits(_head % 10_000, destination.Slice(7, 4));
                break;
            case ImporterNumberKind.Ein:
                Span<char> ein = stackalloc char[SignificantLength];
                WriteSignificant(ein);
                ein[..2].CopyTo(destination);
                destination[2] = '-';
                ein[2..].CopyTo(destination[3..]);
                break;
            case ImporterNumberKind.CbpAssigned:
                Span<char> cbp = stackalloc char[SignificantLength];
                WriteSignificant(cbp);
                cbp[..6].CopyTo(destination);
                destination[6] = '-';
                cbp[6..].CopyTo(destination[7..]);
                break;
        }

        charsWritten = length;
        return true;
    }

    public bool Equals(ImporterNumber other) => _kind == other._kind && _head == other._head && _tail == other._tail;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ImporterNumber other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_kind, _head, _tail);

    public static bool operator ==(ImporterNumber left, ImporterNumber right) => left.Equals(right);

    public static bool operator !=(ImporterNumber left, ImporterNumber right) => !left.Equals(right);

    private static ImporterNumberError ParseEin(ReadOnlySpan<char> prefix, ReadOnlySpan<char> serial, ReadOnlySpan<char> suffix, out ImporterNumber number)
    {
        number = default;
        if (!TryAccumulate(prefix, 0, out var head) || !TryAccumulate(serial, head, out head))
        {
            return ImporterNumberError.NonDigit;
        }

        var tail = 0;
        foreach (var ch in suffix)
        {
            var upper = char.IsAsciiLetterLower(ch) ? (char)(ch - 32) : ch;
            if (upper is 'O' or 'I' or 'Z')
            {
                return ImporterNumberError.ExcludedSuffixLetter;
            }

            if (!char.IsAsciiLetterOrDigit(upper))
            {
                return ImporterNumberError.InvalidSuffixCharacter;
            }

            tail = (tail << 6) | (CharCode(upper) + 1);
        }

        number = new ImporterNumber(ImporterNumberKind.Ein, (int)head, tail);
        return ImporterNumberError.None;
    }

    private static ImporterNumberError ParseCbpAssigned(ReadOnlySpan<char> yyddpp, ReadOnlySpan<char> serial, out ImporterNumber number)
    {
        number = default;
        if (!TryAccumulate(yyddpp, 0, out var head) || !TryAccumulate(serial[..3], head, out head) || !AllDigits(serial[3..]))
        {
            return ImporterNumberError.NonDigit;
        }

        var tail = ((serial[3] - '0' + 1) << 6) | (serial[4] - '0' + 1);
        number = new ImporterNumber(ImporterNumberKind.CbpAssigned, (int)head, tail);
        return ImporterNumberError.None;
    }

    /// <summary>SSA rules: area 000, 666 and 900–999, group 00 and serial 0000 are never issued.</summary>
    private static ImporterNumberError ParseSsn(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial, out ImporterNumber number)
    {
        number = default;
        if (!TryAccumulate(area, 0, out var areaNumber) || !TryAccumulate(group, 0, out var groupNumber) || !TryAccumulate(serial, 0, out var serialNumber))
        {
            return ImporterNumberError.NonDigit;
        }

        var error = areaNumber switch
        {
            0 => ImporterNumberError.SsnAreaZero,
            666 => ImporterNumberError.SsnArea666,
            >= 900 => ImporterNumberError.SsnAreaNotIssued,
            _ when groupNumber == 0 => ImporterNumberError.SsnGroupZero,
            _ when serialNumber == 0 => ImporterNumberError.SsnSerialZero,
            _ => ImporterNumberError.None,
        };
        if (error == ImporterNumberError.None)
        {
            number = new ImporterNumber(ImporterNumberKind.Ssn, (int)((areaNumber * 1_000_000) + (groupNumber * 10_000) + serialNumber), 0);
        }

        return error;
    }

    private static bool TryAccumulate(ReadOnlySpan<char> digits, long start, out long value)
    {
        value = start;
        foreach (var ch in digits)
        {
            var digit = (uint)(ch - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static int CharCode(char upper) => upper <= '9' ? upper - '0' : upper - 'A' + 10;

    private static char CodeChar(int code) => code < 10 ? (char)('0' + code) : (char)('A' + code - 10);

    private static ReadOnlySpan<char> TrimEnds(ReadOnlySpan<char> text) =>
        !text.IsEmpty && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? text.Trim() : text;

    private static void WriteDigits(int value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>The 11 characters of an EIN or CBP-assigned number, no dashes.</summary>
    private void WriteSignificant(Span<char> destination)
    {
        WriteDigits(_head, destination[..9]);
        destination[9] = CodeChar(((_tail >> 6) & 0x3F) - 1);
        destination[10] = CodeChar((_tail & 0x3F) - 1);
    }
}
