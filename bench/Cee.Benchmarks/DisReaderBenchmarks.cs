using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Cee.Routing.Dis;
using Cee.Routing.Documents;
using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Benchmarks;

/// <summary>
/// The DIS reader on a package holding 100 MiB of Base64 (4 documents of 25 MiB Base64, 18.75 MiB
/// decoded each), read from a non-seekable stream into a sink that keeps nothing: XML parsing,
/// Base64 decoding, the SHA-256 of every document and the SHA-256 of the whole package, on one core.
/// Beside it, the raw floor: <c>Base64.DecodeFromUtf8</c> and an incremental SHA-256 over the same
/// Base64 bytes with no XML and no package hash. Targets: at least 500 MB/s of Base64 input (about
/// half the raw rate), and allocation that does not grow with the documents' size. Results and the
/// reasoning behind the fast path are in docs/intake.md; the peak-memory side is
/// <see cref="DisReaderMemoryCheck"/> (<c>-- --dis-memory</c>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class DisReaderBenchmarks
{
    public const int Documents = 4;
    public const int DecodedBytesPerDocument = 25 * 1024 * 1024 / 4 * 3;

    private static readonly DropReference Drop = DropReference.For("port-drops/2704/bench.xml", "bench");

    private readonly DisReader _reader = new();
    private byte[] _package = [];
    private byte[][] _base64 = [];

    /// <summary>0: the Base64 is one line (most encoders); 76: MIME lines with CRLF.</summary>
    [Params(0, 76)]
    public int Base64LineLength { get; set; }

    [GlobalSetup]
    public void Setup() => (_package, _base64) = DisPackageGenerator.Build(Documents, DecodedBytesPerDocument, Base64LineLength);

    /// <summary>Bytes of Base64 input per operation, for the MB/s column.</summary>
    public long Base64Bytes => _base64.Sum(b => (long)b.Length);

    [Benchmark(Baseline = true)]
    public long RawBase64DecodeAndSha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var output = ArrayPool<byte>.Shared.Rent(48 * 1024);
        long total = 0;
        foreach (var text in _base64)
        {
            var remaining = text.AsSpan();
            while (!remaining.IsEmpty)
            {
                var chunk = remaining[..Math.Min(64 * 1024, remaining.Length)];
                var final = chunk.Length == remaining.Length;
                Base64.DecodeFromUtf8(chunk, output, out var consumed, out var written, final);
                hash.AppendData(output, 0, written);
                total += written;
                remaining = remaining[Math.Max(consumed, 1)..];
            }

            hash.GetHashAndReset();
        }

        ArrayPool<byte>.Shared.Return(output);
        return total;
    }

    [Benchmark]
    public async Task<long> DisReaderReadAsync()
    {
        var package = await _reader.ReadAsync(new ReadOnlyMemoryStream(_package), Drop.DropId, NullDocumentSink.Instance);
        return package.Documents.Sum(d => d.Decoded?.Size ?? throw new InvalidOperationException(package.Findings[0].Message));
    }

    [Benchmark]
    public async Task<long> DropIntakeReadAsync()
    {
        var result = await DropIntake.ReadAsync(Drop, new ReadOnlyMemoryStream(_package), null, NullDocumentSink.Instance);
        return result.Verdict == IntakeVerdict.Accept ? result.Documents.Sum(d => d.Size) : throw new InvalidOperationException(result.Findings[0].Message);
    }
}
