using System.Text;
using Cee.Routing.Intake;
using Cee.Routing.Tests.Support;
using Cee.Samples;
using FsCheck;
using FsCheck.Fluent;

namespace Cee.Routing.Tests.Dis;

/// <summary>
/// Valid packages with bytes flipped, deleted, inserted (random or XML-significant) or cut off:
/// whatever comes in, no exception escapes, there is always a verdict, a reject always has an error
/// to say why, and no sink target is left open or completed with other bytes than the package held.
/// </summary>
public class DisReaderPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

    private static readonly byte[][] Snippets =
    [
        .. new[] { "<", ">", "&", "&amp;", "&#0;", "&#x41;", "=", "\"", "'", "/", "<a>", "</a>", "<!--", "-->", "<![CDATA[", "]]>", "<?pi?>",
            "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "\r", "\n", "\u00e9", "\uFFFE", "xmlns:x=\"urn:x\"", "<x:a/>", "</MessageEnvelope>",
            "<DocumentData>", "</DocumentObject>", "QUJD", "====", "DELETE" }.Select(Encoding.UTF8.GetBytes),
        [0x00], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF],
    ];

    private static readonly byte[] Withdrawal = DisPackageBuilder.EntrySummary().WithPayload("DocumentWithdrawal").ToBytes();

    private static readonly byte[][] Packages =
    [
        Withdrawal,
        DisPackageBuilder.TwoDocumentSample().ToBytes(),
        DisPackageBuilder.TwoDocumentSample().Compact().WithBase64LineLength(76).ToBytes(),
        DisPackageBuilder.EntrySummary().WithRequest("CF28-2704-0001187", "CF28").WithDocument(SampleDocuments.Tiff(), "CBP Form 28", "reply.tif", "TIF",
            d => d.InvoiceLines.Add(("8471.30.0100", "1"))).ToBytes(),
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(DisPackageBuilder.TwoDocumentSample().ToBytes()).Replace("\n", "\r\n", StringComparison.Ordinal)),
    ];

    [Fact]
    public void ReadAsync_MutatedValidPackage_NeverThrowsAndAlwaysExplainsItsVerdict() =>
        Check.One(Runs, Prop.ForAll(Mutated().ToArbitrary(), bytes => Holds(bytes)));

    [Fact]
    public void ReadAsync_MutatedWithdrawal_IsAcceptedOnlyNamingADocumentIdAndAPort() =>
        Check.One(Runs, Prop.ForAll(Mutated([Withdrawal]).ToArbitrary(), bytes =>
        {
            // What the workflow relies on to look the document up: an accepted withdrawal names both.
            var (result, _) = Intakes.ReadAsync(bytes).GetAwaiter().GetResult();
            return Holds(bytes) && (result.Verdict == IntakeVerdict.Reject || result.Withdrawal is null ||
                (!string.IsNullOrEmpty(result.Withdrawal.DocumentId) && result.Port is not null && result.Documents.Count == 0));
        }));

    [Fact]
    public void ReadAsync_ValidPackageCutAnywhere_IsRejectedAsTruncated() =>
        Check.One(Runs, Prop.ForAll(
            (from package in Gen.Elements(Packages)
             from length in Gen.Choose(1, package.Length - 1)
             select package[..length]).ToArbitrary(),
            bytes =>
            {
                var (result, _) = Intakes.ReadAsync(bytes).GetAwaiter().GetResult();
                return result.Verdict == IntakeVerdict.Reject && result.Findings.Any(f => f.Code == FindingCodes.Truncated);
            }));

    [Fact]
    public void ReadAsync_ArbitraryBytes_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.GeneratorFor<byte[]>().ToArbitrary(), bytes => Holds(bytes)));

    [Fact]
    public void ReadAsync_Base64BrokenUpByCommentsReferencesAndCData_DecodesTheSameBytes() =>
        Check.One(Runs, Prop.ForAll(
            ArbMap.Default.GeneratorFor<byte[]>().ToArbitrary(),
            ArbMap.Default.GeneratorFor<int>().ToArbitrary(),
            (bytes, seed) =>
            {
                var random = new Random(seed);
                var text = new StringBuilder();
                foreach (var ch in Convert.ToBase64String(bytes))
                {
                    text.Append(random.Next(12) switch
                    {
                        0 => $"<!-- {random.Next()} -->{ch}",
                        1 => $"&#x{(int)ch:X};",
                        2 => $"<![CDATA[{ch}]]>",
                        3 => $"\r\n{ch}",
                        4 => $"<?keep going?>{ch}",
                        _ => ch.ToString(),
                    });
                }

                var xml = DisPackageBuilder.EntrySummary().WithDocument([], configure: d => d.RawObject = "PLACEHOLDER").ToXml()
                    .Replace("PLACEHOLDER", text.ToString(), StringComparison.Ordinal);
                var (result, sink) = Intakes.ReadAsync(Encoding.UTF8.GetBytes(xml)).GetAwaiter().GetResult();
                return bytes.Length == 0
                    ? result.Findings.Any(f => f.Code == FindingCodes.EmptyDocument)
                    : result.Verdict != IntakeVerdict.Reject && sink.BytesOf(result.Documents[0].Id).SequenceEqual(bytes);
            }));

    private static bool Holds(byte[] bytes)
    {
        var (result, sink) = Intakes.ReadAsync(bytes).GetAwaiter().GetResult();
        var hasError = result.Findings.Any(f => f.Severity == FindingSeverity.Error);
        return Enum.IsDefined(result.Verdict)
            && (result.Verdict == IntakeVerdict.Reject) == hasError
            && result.Findings.All(f => !string.IsNullOrWhiteSpace(f.Message))
            && sink.Targets.All(t => t.Disposed && t.Outcome is InMemoryDocumentSink.TargetOutcome.Completed or InMemoryDocumentSink.TargetOutcome.Abandoned)
            && result.Documents.All(d => sink.Completed.Any(t => t.Pending.DocumentId == d.Id && t.Bytes.Length == d.Size) || d.Location is null);
    }

    private static Gen<byte[]> Mutated(byte[][]? packages = null) =>
        from package in Gen.Elements(packages ?? Packages)
        from count in Gen.Choose(1, 4)
        from mutations in Mutation(package.Length).ListOf(count)
        select mutations.Aggregate(package, (bytes, mutate) => mutate(bytes));

    private static Gen<Func<byte[], byte[]>> Mutation(int length) => Gen.OneOf(
        from at in Gen.Choose(0, length - 1)
        from mask in Gen.Choose(1, 255)
        select (Func<byte[], byte[]>)(bytes => Flip(bytes, at, (byte)mask)),
        from at in Gen.Choose(0, length - 1)
        from count in Gen.Choose(1, 64)
        select (Func<byte[], byte[]>)(bytes => Delete(bytes, at, count)),
        from at in Gen.Choose(0, length)
        from snippet in Gen.OneOf(Gen.Elements(Snippets), ArbMap.Default.GeneratorFor<byte[]>())
        select (Func<byte[], byte[]>)(bytes => Insert(bytes, at, snippet)),
        from keep in Gen.Choose(0, length)
        select (Func<byte[], byte[]>)(bytes => bytes[..Math.Min(keep, bytes.Length)]));

    private static byte[] Flip(byte[] bytes, int at, byte mask)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 0)
        {
            copy[at % copy.Length] ^= mask;
        }

        return copy;
    }

    private static byte[] Delete(byte[] bytes, int at, int count)
    {
        at = Math.Min(at, bytes.Length);
        count = Math.Min(count, bytes.Length - at);
        return [.. bytes[..at], .. bytes[(at + count)..]];
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] snippet)
    {
        at = Math.Min(at, bytes.Length);
        return [.. bytes[..at], .. snippet, .. bytes[at..]];
    }
}
