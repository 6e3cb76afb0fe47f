using System.Diagnostics.CodeAnalysis;

namespace Cee.Routing.Identifiers;

/// <summary>
/// A CBP entry number (19 CFR 142.3a): 3-character filer code, 7-digit number and a Luhn mod 10
/// check digit, written <c>002-6110316-2</c> or <c>00261103162</c>. Dashes stand after the filer
/// code and before the check digit, both or neither. Letters in the filer code are accepted in
/// either case and kept upper-case.
/// </summary>
/// <remarks><c>default(EntryNumber)</c> holds no number and formats as an empty string.</remarks>
public readonly struct EntryNumber : IEquatable<EntryNumber>, ISpanFormattable
{
    private const int SignificantLength = 11;
    private const int DashedLength = 13;
    private const int NumberDigits = 7;
    private const byte NotAlphanumeric = 0xFF;

    // Bit layout of _packed, so the struct is one machine word and equality is one compare:
    //   bits  0–3   check digit
    //   bits  4–27  7-digit serial number (< 2^24)
    //   bits 28–45  filer code, three 6-bit character codes, each code + 1 (0 marks default)
    private const int SerialShift = 4;
    private const int FilerShift = 28;
    private const ulong SerialMask = (1UL << 24) - 1;

    private readonly ulong _packed;

    private EntryNumber(ulong packed) => _packed = packed;

    /// <summary>The filer code, e.g. <c>002</c> (allocates; call only when the text is needed).</summary>
    public string FilerCode
    {
        get
        {
            if (_packed == 0)
            {
                return string.Empty;
            }

            Span<char> filer = stackalloc char[3];
            WriteFiler(filer);
            return new string(filer);
        }
    }

    /// <summary>Which digit/letter pattern the filer code follows (<see cref="FilerCodePattern.None"/> for default).</summary>
    public FilerCodePattern FilerPattern
    {
        get
        {
            if (_packed == 0)
            {
                return FilerCodePattern.None;
            }

            // One bit per position, set when the character is a letter: NNN = 0 … AAA = 7.
            var letters = 0;
            for (var i = 0; i < 3; i++)
            {
                letters = (letters << 1) | (FilerCharCode(i) >= 10 ? 1 : 0);
            }

            return letters switch
            {
                0b000 => FilerCodePattern.NNN,
                0b001 => FilerCodePattern.NNA,
                0b010 => FilerCodePattern.NAN,
                0b011 => FilerCodePattern.NAA,
                0b100 => FilerCodePattern.ANN,
                0b101 => FilerCodePattern.ANA,
                0b110 => FilerCodePattern.AAN,
                _ => FilerCodePattern.AAA,
            };
        }
    }

    /// <summary>The 7-digit number after the filer code, 0–9,999,999.</summary>
    public int SerialNumber => (int)((_packed >> SerialShift) & SerialMask);

    /// <summary>The check digit, 0–9.</summary>
    public int CheckDigit => (int)(_packed & 0xF);

    public static bool TryParse(ReadOnlySpan<char> text, out EntryNumber number) =>
        TryParse(text, out number, out _);

    /// <summary>Parses a written entry number without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out EntryNumber number, out EntryNumberError error)
    {
        text = TrimEnds(text);
        EntryNumberError result;
        ulong packed;
        if (text.Length == SignificantLength)
        {
            result = Validate(text[..3], text[3..10], text[10], out packed, out _);
        }
        else if (text.Length == DashedLength && text[3] == '-' && text[11] == '-')
        {
            result = Validate(text[..3], text[4..11], text[12], out packed, out _);
        }
        else
        {
            number = default;
            error = ClassifyLayout(text);
            return false;
        }

        if (result == EntryNumberError.MisplacedDash)
        {
            // A dash among the significant characters: whether it is misplaced or the text is
            // short depends on how many characters are left without the dashes.
            result = ClassifyLayout(text);
        }

        number = new EntryNumber(packed);
        error = result;
        return result == EntryNumberError.None;
    }

    /// <summary>
    /// Builds an entry number from a DIS package that carries the filer code separately from the
    /// 8 characters after it (7-digit number and check digit), e.g. <c>002</c> and <c>61103162</c>.
    /// </summary>
    public static bool TryCombine(ReadOnlySpan<char> filer, ReadOnlySpan<char> eightChars, out EntryNumber number, out EntryNumberError error)
    {
        number = default;
        filer = TrimEnds(filer);
        eightChars = TrimEnds(eightChars);
        if (filer.IsEmpty && eightChars.IsEmpty)
        {
            error = EntryNumberError.Empty;
            return false;
        }

        if (filer.Length != 3)
        {
            error = EntryNumberError.FilerCodeWrongLength;
            return false;
        }

        if (eightChars.Length != NumberDigits + 1)
        {
            error = EntryNumberError.NumberPartWrongLength;
            return false;
        }

        error = Validate(filer, eightChars[..NumberDigits], eightChars[NumberDigits], out var packed, out _);
        if (error != EntryNumberError.None)
        {
            return false;
        }

        number = new EntryNumber(packed);
        return true;
    }

    /// <summary>
    /// The check digit as written and as computed, for explaining a rejection ("check digit is 3;
    /// the number computes 2"). False when the text is not shaped like an entry number (wrong
    /// length, misplaced dash, a bad character), since then there is nothing to compute.
    /// </summary>
    public static bool TryGetCheckDigits(ReadOnlySpan<char> text, out int written, out int computed)
    {
        text = TrimEnds(text);
        var dashed = text.Length == DashedLength && text[3] == '-' && text[11] == '-';
        if (text.Length != SignificantLength && !dashed)
        {
            written = computed = -1;
            return false;
        }

        var filer = text[..3];
        var digits = dashed ? text[4..11] : text[3..10];
        var check = text[^1];
        var error = Validate(filer, digits, check, out _, out computed);
        if (error is EntryNumberError.None or EntryNumberError.CheckDigitMismatch)
        {
            written = check - '0';
            return true;
        }

        written = computed = -1;
        return false;
    }

    /// <summary>
    /// The Luhn mod 10 check digit for the 10 characters filer code + 7-digit number (no dashes),
    /// e.g. 2 for <c>0026110316</c>. Used by sample generators to build valid numbers.
    /// </summary>
    /// <exception cref="ArgumentException">Not 3 letters/digits followed by 7 digits.</exception>
    public static int ComputeCheckDigit(ReadOnlySpan<char> filerAndNumber)
    {
        if (filerAndNumber.Length != 3 + NumberDigits)
        {
            throw new ArgumentException("Expected 10 characters: a 3-character filer code and a 7-digit number.", nameof(filerAndNumber));
        }

        // The check character is irrelevant here: only the computed digit is wanted, so pass a digit.
        var error = Validate(filerAndNumber[..3], filerAndNumber[3..], '0', out _, out var computed);
        return error is EntryNumberError.None or EntryNumberError.CheckDigitMismatch
            ? computed
            : throw new ArgumentException(Describe(error), nameof(filerAndNumber));
    }

    /// <summary>Parses or throws a <see cref="FormatException"/> with the reason.</summary>
    public static EntryNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var number, out var error))
        {
            return number;
        }

        var reason = error == EntryNumberError.CheckDigitMismatch && TryGetCheckDigits(text, out var written, out var computed)
            ? DescribeMismatch(written, computed)
            : Describe(error);

        // The text may be anything a caller was handed, an SSN included; never echo one.
        throw new FormatException($"'{SsnRedaction.Redact(text)}' is not an entry number: {reason}");
    }

    /// <summary>A sentence for a parse failure.</summary>
    public static string Describe(EntryNumberError error) => error switch
    {
        EntryNumberError.None => "valid",
        EntryNumberError.Empty => "empty",
        EntryNumberError.WrongLength => "an entry number has 11 characters, or 13 with dashes: filer code (3), number (7) and check digit, e.g. 002-6110316-2",
        EntryNumberError.MisplacedDash => "dashes may stand only after the 3-character filer code and before the check digit, both or neither, e.g. 002-6110316-2",
        EntryNumberError.InvalidFilerCharacter => "the filer code (first 3 characters) holds only letters and digits",
        EntryNumberError.NonDigitInNumber => "the 7 characters after the filer code must be digits",
        EntryNumberError.NonDigitCheckDigit => "the check digit (last character) must be a digit",
        EntryNumberError.CheckDigitMismatch => "the check digit does not match the filer code and number (Luhn mod 10)",
        EntryNumberError.FilerCodeWrongLength => "a filer code has exactly 3 letters or digits",
        EntryNumberError.NumberPartWrongLength => "the part after the filer code has 8 characters: the 7-digit number and the check digit",
        _ => error.ToString(),
    };

    /// <summary>The sentence for a check digit that does not match, e.g. "check digit is 3; the number computes 2".</summary>
    public static string DescribeMismatch(int written, int computed) =>
        FormattableString.Invariant($"check digit is {written}; the number computes {computed}");

    /// <summary>The dashed form, e.g. <c>002-6110316-2</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>Format <c>N</c> writes the 11 characters without dashes; anything else the dashed form.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[DashedLength];
        return TryFormat(buffer, out var written, format, formatProvider) ? new string(buffer[..written]) : string.Empty;
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (_packed == 0)
        {
            charsWritten = 0;
            return true;
        }

        var dashed = !(format.Length == 1 && (format[0] | 0x20) == 'n');
        var length = dashed ? DashedLength : SignificantLength;
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        WriteFiler(destination);
        var position = 3;
        if (dashed)
        {
            destination[position++] = '-';
        }

        var serial = SerialNumber;
        for (var i = position + NumberDigits - 1; i >= position; i--)
        {
            destination[i] = (char)('0' + (serial % 10));
            serial /= 10;
        }

        position += NumberDigits;
        if (dashed)
        {
            destination[position++] = '-';
        }

        destination[position] = (char)('0' + CheckDigit);
        charsWritten = length;
        return true;
    }

    public bool Equals(EntryNumber other) => _packed == other._packed;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is EntryNumber other && Equals(other);

    public override int GetHashCode() => _packed.GetHashCode();

    public static bool operator ==(EntryNumber left, EntryNumber right) => left.Equals(right);

    public static bool operator !=(EntryNumber left, EntryNumber right) => !left.Equals(right);

    /// <summary>
    /// Checks the 11 significant characters and packs them. Always computes the check digit when
    /// the filer code and number are well formed, so a mismatch can be explained.
    /// </summary>
    private static EntryNumberError Validate(ReadOnlySpan<char> filer, ReadOnlySpan<char> digits, char check, out ulong packed, out int computed)
    {
        packed = 0;
        computed = -1;
        var table = CharCodes;
        var luhn = LuhnValues;
        var doubled = DoubledDigitSums;

        ulong filerBits = 0;
        var sum = 0;
        for (var i = 0; i < 3; i++)
        {
            var ch = filer[i];
            var code = ch < 128 ? table[ch] : NotAlphanumeric;
            if (code == NotAlphanumeric)
            {
                return ch == '-' ? EntryNumberError.MisplacedDash : EntryNumberError.InvalidFilerCharacter;
            }

            filerBits = (filerBits << 6) | (uint)(code + 1);

            // Positions 1–3 of the 10; the 2nd is doubled.
            var value = luhn[code];
            sum += i == 1 ? doubled[value] : value;
        }

        uint serial = 0;
        for (var i = 0; i < NumberDigits; i++)
        {
            var digit = (uint)(digits[i] - '0');
            if (digit > 9)
            {
                return digits[i] == '-' ? EntryNumberError.MisplacedDash : EntryNumberError.NonDigitInNumber;
            }

            serial = (serial * 10) + digit;

            // Positions 4–10 of the 10: the even ones (4, 6, 8, 10) are doubled.
            sum += (i & 1) == 0 ? doubled[(int)digit] : (int)digit;
        }

        computed = (10 - (sum % 10)) % 10;
        var checkDigit = (uint)(check - '0');
        if (checkDigit > 9)
        {
            return check == '-' ? EntryNumberError.MisplacedDash : EntryNumberError.NonDigitCheckDigit;
        }

        if (checkDigit != (uint)computed)
        {
            return EntryNumberError.CheckDigitMismatch;
        }

        packed = (filerBits << FilerShift) | ((ulong)serial << SerialShift) | checkDigit;
        return EntryNumberError.None;
    }

    /// <summary>Names the layout fault of a text that is neither 11 characters nor 13 with dashes at 3 and 11.</summary>
    private static EntryNumberError ClassifyLayout(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return EntryNumberError.Empty;
        }

        // The right number of significant characters with dashes elsewhere is a dash fault;
        // anything else is a length fault.
        var dashes = text.Count('-');
        return dashes > 0 && text.Length - dashes == SignificantLength
            ? EntryNumberError.MisplacedDash
            : EntryNumberError.WrongLength;
    }

    /// <summary>Skips the trim work for the usual input that has no surrounding whitespace.</summary>
    private static ReadOnlySpan<char> TrimEnds(ReadOnlySpan<char> text) =>
        !text.IsEmpty && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? text.Trim() : text;

    private int FilerCharCode(int index) => (int)((_packed >> (FilerShift + (6 * (2 - index)))) & 0x3F) - 1;

    private void WriteFiler(Span<char> destination)
    {
        for (var i = 0; i < 3; i++)
        {
            var code = FilerCharCode(i);
            destination[i] = code < 10 ? (char)('0' + code) : (char)('A' + code - 10);
        }
    }

    /// <summary>ASCII to character code: '0'–'9' → 0–9, 'A'–'Z' and 'a'–'z' → 10–35, anything else 0xFF.</summary>
    private static ReadOnlySpan<byte> CharCodes =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];

    /// <summary>
    /// Character code to the digit the Luhn sum uses: digits are themselves, letters follow the
    /// CBP table A–I → 1–9, J–R → 1–9, S–Z → 2–9 (so S is 2, not 1, and Z is 9).
    /// </summary>
    private static ReadOnlySpan<byte> LuhnValues =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        1, 2, 3, 4, 5, 6, 7, 8, 9, // A–I
        1, 2, 3, 4, 5, 6, 7, 8, 9, // J–R
        2, 3, 4, 5, 6, 7, 8, 9,    // S–Z
    ];

    /// <summary>Sum of the digits of 2 × d: the doubled positions of the Luhn sum.</summary>
    private static ReadOnlySpan<byte> DoubledDigitSums => [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
}
