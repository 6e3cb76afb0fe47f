using System.Text;
using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Routing.Tests.Support;

/// <summary>Runs <see cref="DropIntake"/> over bytes from a non-seekable stream into an in-memory sink.</summary>
internal static class Intakes
{
    public const string DisSource = "port-drops/2704/entry-0026110316.xml";

    public static async Task<(IntakeResult Result, InMemoryDocumentSink Sink)> ReadAsync(
        byte[] content, string source = DisSource, DropMetadata? metadata = null, IntakeOptions? options = null)
    {
        var sink = new InMemoryDocumentSink();
        var drop = DropReference.For(source, "sha256:test");
        var result = await DropIntake.ReadAsync(drop, new NonSeekableStream(content, maxReadSize: 8192), metadata, sink, options);
        return (result, sink);
    }

    public static DropMetadata Manifest(string json, string name = "commercial-invoice.pdf.cee.json") =>
        DropMetadata.FromManifestJson(Encoding.UTF8.GetBytes(json), name);

    public static IEnumerable<string> Codes(this IntakeResult result) => result.Findings.Select(f => f.Code);
}
