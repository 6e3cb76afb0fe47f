using System.Text;
using Cee.Routing.Intake;
using Cee.Routing.Tests.Support;
using Cee.Samples;
using FsCheck;
using FsCheck.Fluent;

namespace Cee.Routing.Tests.Intake;

/// <summary>
/// Whatever bytes a sidecar manifest holds (random, a valid manifest with bytes flipped or spliced in,
/// invalid UTF-8, lone surrogate escapes), intake never throws, always gives a verdict, explains a
/// reject with an error finding, and never lets an SSN through unmasked.
/// </summary>
public partial class ManifestPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(
        """{ "port": "2704", "filer": "002", "entryNumbers": ["002-6110316-2"], "importerNumber": "078-05-1120", "documentLabel": "Commercial Invoice", "cbpRequestId": "078-05-1120", "lines": [{ "hts": "8471.30.0100", "line": 1 }] }""");

    private static readonly byte[][] Snippets =
    [
        .. new[] { "\\ud800", "\\udfff", "\\u0000", "\"", "{", "}", "[", "]", ",", ":", "\\", "078-05-1120", "null", "1e999" }.Select(Encoding.UTF8.GetBytes),
        [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0x00],
    ];

    [Fact]
    public void ReadAsync_ArbitraryManifestBytes_NeverThrowsAndAlwaysExplainsARejection() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.GeneratorFor<byte[]>().ToArbitrary(), Holds));

    [Fact]
    public void ReadAsync_MutatedValidManifest_NeverThrowsAndNeverShowsTheSsn() =>
        Check.One(Runs, Prop.ForAll(Mutated().ToArbitrary(), Holds));

    private static bool Holds(byte[] manifest)
    {
        var (result, _) = Intakes.ReadAsync(SampleDocuments.Pdf(), "2704/scan.pdf", DropMetadata.FromManifestJson(manifest, "scan.pdf.cee.json")).GetAwaiter().GetResult();
        var shown = System.Text.Json.JsonSerializer.Serialize(result);
        // The SSN standing alone, as SsnRedaction defines SSN-like (digits run on past it, e.g. "078-05-1120704", are not an SSN).
        return (result.Verdict != IntakeVerdict.Reject || result.Errors.Any()) && !StandaloneSsn().IsMatch(shown);
    }

    private static Gen<byte[]> Mutated() =>
        from at in Gen.Choose(0, Valid.Length - 1)
        from cut in Gen.Choose(0, 3)
        from snippet in Gen.Elements(Snippets)
        select (byte[])[.. Valid[..at], .. snippet, .. Valid[Math.Min(Valid.Length, at + cut)..]];

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9][-. ]?)078[-. ]?05[-. ]?1120(?![-. ]?[0-9])")]
    private static partial System.Text.RegularExpressions.Regex StandaloneSsn();
}
