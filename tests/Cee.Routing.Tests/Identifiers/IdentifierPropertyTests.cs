using Cee.Routing.Identifiers;
using FsCheck;
using FsCheck.Fluent;

namespace Cee.Routing.Tests.Identifiers;

/// <summary>FsCheck 3 properties, run from plain facts (no FsCheck.Xunit).</summary>
public class IdentifierPropertyTests
{
    private const string Digits = "0123456789";
    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2_000);

    // Arbitrary strings, and strings made of the characters identifiers are made of (so the
    // parsers' deeper branches are reached, not just "wrong character" at position 0).
    private static Arbitrary<string> AnyText() =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>(),
            Gen.Elements("0123456789-. \tAaOoIiZz*#".ToCharArray()).ArrayOf().Select(chars => new string(chars)))
        .ToArbitrary();

    [Fact]
    public void EntryNumberTryParse_AnyText_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(AnyText(), text => EntryNumber.TryParse(text, out _, out _) || true));

    [Fact]
    public void ImporterNumberTryParse_AnyText_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(AnyText(), text => ImporterNumber.TryParse(text, out _, out _) || true));

    [Fact]
    public void PortCodeTryParse_AnyText_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(AnyText(), text => PortCode.TryParse(text, out _, out _) || true));

    [Fact]
    public void ProtestNumberTryParse_AnyText_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(AnyText(), text => ProtestNumber.TryParse(text, out _, out _) || true));

    [Fact]
    public void IdentifierDetectorDetect_AnyText_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(AnyText(), text => IdentifierDetector.Detect(text) is { } || true));

    [Fact]
    public void TryCombine_AnyParts_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(AnyText(), AnyText(), (filer, rest) => EntryNumber.TryCombine(filer, rest, out _, out _) || true));

    [Fact]
    public void EntryNumberParse_GeneratedValid_RoundTrips() =>
        Check.One(Runs, Prop.ForAll(ValidEntryTexts(), text =>
        {
            var entry = EntryNumber.Parse(text);
            return EntryNumber.Parse(entry.ToString()) == entry
                && EntryNumber.Parse(entry.ToString("N", null)) == entry
                && string.Equals(entry.ToString(), Dashed(text).ToUpperInvariant(), StringComparison.Ordinal);
        }));

    [Fact]
    public void ComputeCheckDigit_GeneratedFilerAndNumber_MatchesReferenceLuhn() =>
        Check.One(Runs, Prop.ForAll(FilerAndNumbers(), tenChars => EntryNumber.ComputeCheckDigit(tenChars) == ReferenceCheckDigit(tenChars)));

    [Fact]
    public void TryParse_SubstitutionChangingLuhnSum_IsRejected()
    {
        // A valid number, one of its 11 significant characters, and a replacement for it: a letter
        // or digit in the filer code, a digit elsewhere.
        var cases =
            from text in ValidEntryTexts().Generator
            from position in Gen.Choose(0, 10)
            from replacement in Gen.Elements((position < 3 ? Alphanumerics : Digits).ToCharArray())
            select (Significant: Undashed(text), Position: position, Replacement: replacement);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var chars = c.Significant.ToCharArray();
            chars[c.Position] = c.Replacement;
            var changed = new string(chars);

            // The check digit itself, or a character whose Luhn value differs (A and J are both 1,
            // so swapping them is legitimately undetectable).
            var sumChanged = c.Position == 10
                ? changed[10] != c.Significant[10]
                : ReferenceCheckDigit(changed[..10]) != ReferenceCheckDigit(c.Significant[..10]);
            return !sumChanged || (!EntryNumber.TryParse(changed, out _, out var error) && error == EntryNumberError.CheckDigitMismatch);
        }));
    }

    [Fact]
    public void ImporterNumberParse_GeneratedValid_RoundTripsAndKeepsKey()
    {
        var eins =
            from digits in Gen.Elements(Digits.ToCharArray()).ArrayOf(9)
            from suffix in Gen.Elements("0123456789ABCDEFGHJKLMNPQRSTUVWXYabcdefghjkmnpqrstuvwxy".ToCharArray()).ArrayOf(2)
            select $"{new string(digits[..2])}-{new string(digits[2..])}{new string(suffix)}";
        var cbp =
            from digits in Gen.Elements(Digits.ToCharArray()).ArrayOf(11)
            select $"{new string(digits[..6])}-{new string(digits[6..])}";

        Check.One(Runs, Prop.ForAll(Gen.OneOf(eins, cbp).ToArbitrary(), text =>
        {
            var number = ImporterNumber.Parse(text);
            var again = ImporterNumber.Parse(number.ToString());
            return again == number
                && string.Equals(number.ToString(), text.ToUpperInvariant(), StringComparison.Ordinal)
                && string.Equals(ImporterLookupKeys.Development.For(number), text.Replace("-", string.Empty).ToUpperInvariant(), StringComparison.Ordinal)
                && string.Equals(ImporterLookupKeys.Development.For(ImporterNumber.Parse(ImporterLookupKeys.Development.For(number))), ImporterLookupKeys.Development.For(number), StringComparison.Ordinal);
        }));
    }

    [Fact]
    public void ImporterNumberFormat_GeneratedSsn_ShowsOnlyLastFour()
    {
        var ssns =
            from area in Gen.Choose(1, 899).Where(a => a != 666)
            from grp in Gen.Choose(1, 99)
            from serial in Gen.Choose(1, 9999)
            select (Area: area, Group: grp, Serial: serial);

        Check.One(Runs, Prop.ForAll(ssns.ToArbitrary(), s =>
        {
            var text = FormattableString.Invariant($"{s.Area:000}-{s.Group:00}-{s.Serial:0000}");
            var number = ImporterNumber.Parse(text);
            var expected = FormattableString.Invariant($"***-**-{s.Serial:0000}");
            return number.Kind == ImporterNumberKind.Ssn
                && string.Equals(number.ToString(), expected, StringComparison.Ordinal)
                && string.Equals($"{number:N}", expected, StringComparison.Ordinal)
                && ImporterNumber.Parse(text.Replace("-", string.Empty)) == number
                && !ImporterLookupKeys.Development.For(number).Contains(text.Replace("-", string.Empty), StringComparison.Ordinal);
        }));
    }

    [Fact]
    public void PortCodeParse_AnyFourDigits_RoundTrips() =>
        Check.One(Runs, Prop.ForAll(Gen.Choose(0, 9999).ToArbitrary(), code =>
        {
            var text = code.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            var port = PortCode.Parse(text);
            return port.Code == code && PortCode.Parse(port.ToString()) == port && string.Equals(port.ToString(), text, StringComparison.Ordinal);
        }));

    [Fact]
    public void ProtestNumberParse_GeneratedValid_RoundTripsInEveryForm()
    {
        var protests =
            from port in Gen.Choose(0, 9999)
            from year in Gen.Choose(ProtestNumber.MinYear, ProtestNumber.MaxYear)
            from serial in Gen.Choose(0, 999_999)
            select (Port: port, Year: year, Serial: serial);

        Check.One(Runs, Prop.ForAll(protests.ToArbitrary(), p =>
        {
            var full = FormattableString.Invariant($"{p.Port:0000}-{p.Year}-{p.Serial:000000}");
            var shortYear = FormattableString.Invariant($"{p.Port:0000}-{p.Year % 100:00}-{p.Serial:000000}");
            var number = ProtestNumber.Parse(full);
            return string.Equals(number.ToString(), full, StringComparison.Ordinal)
                && ProtestNumber.Parse(number.ToString()) == number
                && ProtestNumber.Parse(shortYear) == number
                && ProtestNumber.Parse(full.Replace("-", string.Empty)) == number
                && ProtestNumber.Parse(shortYear.Replace("-", string.Empty)) == number
                && number.Port.Code == p.Port && number.Year == p.Year && number.Serial == p.Serial;
        }));
    }

    /// <summary>Valid entry numbers, dashed or not, with filer letters in either case.</summary>
    private static Arbitrary<string> ValidEntryTexts() =>
        (from tenChars in FilerAndNumbers().Generator
         from dashed in ArbMap.Default.GeneratorFor<bool>()
         let eleven = tenChars + (char)('0' + ReferenceCheckDigit(tenChars))
         select dashed ? Dashed(eleven) : eleven).ToArbitrary();

    private static Arbitrary<string> FilerAndNumbers() =>
        (from filer in Gen.Elements(Alphanumerics.ToCharArray()).ArrayOf(3)
         from number in Gen.Elements(Digits.ToCharArray()).ArrayOf(7)
         select new string(filer) + new string(number)).ToArbitrary();

    private static string Dashed(string text) =>
        text.Contains('-') ? text : $"{text[..3]}-{text[3..10]}-{text[10]}";

    private static string Undashed(string text) => text.Replace("-", string.Empty).ToUpperInvariant();

    /// <summary>
    /// The check digit computed straight from the rule in CEE.md §3, independently of the
    /// production table-driven code: letters A–I → 1–9, J–R → 1–9, S–Z → 2–9; double every
    /// second character from the left starting with the 2nd; add the digits.
    /// </summary>
    private static int ReferenceCheckDigit(string tenChars)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var ch = char.ToUpperInvariant(tenChars[i]);
            var value = ch switch
            {
                >= '0' and <= '9' => ch - '0',
                >= 'A' and <= 'I' => ch - 'A' + 1,
                >= 'J' and <= 'R' => ch - 'J' + 1,
                _ => ch - 'S' + 2,
            };
            if (i % 2 == 1)
            {
                value *= 2;
                value = (value / 10) + (value % 10);
            }

            sum += value;
        }

        return (10 - (sum % 10)) % 10;
    }
}
