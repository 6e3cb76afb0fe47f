using System.Diagnostics;
using System.Globalization;
using Cee.Routing.Drops;
using Cee.Routing.Documents;
using Cee.Routing.Intake;

namespace Cee.Benchmarks;

/// <summary>
/// The memory side of <see cref="DisReaderBenchmarks"/>, measured directly: managed bytes allocated
/// by one intake of a package (<c>GC.GetTotalAllocatedBytes</c>) and the peak resident set above the
/// process's resident set before the read (Linux <c>VmHWM</c>, reset through <c>/proc/self/clear_refs</c>),
/// for packages whose documents differ 25-fold in size. Bounded means the same few MiB for both:
/// no document is ever held whole.
/// </summary>
internal static class DisReaderMemoryCheck
{
    public static async Task RunAsync(TextWriter output)
    {
        var drop = DropReference.For("port-drops/2704/memory.xml", "memory");
        output.WriteLine("Documents x Base64 per document | package MB | allocated per read | peak RSS above baseline | time");
        foreach (var base64PerDocument in new[] { 1 * 1024 * 1024, 25 * 1024 * 1024 })
        {
            var (package, _) = DisPackageGenerator.Build(DisReaderBenchmarks.Documents, base64PerDocument / 4 * 3, lineLength: 0);

            // Warm up (JIT, pools), then measure a second read from a clean heap.
            await ReadAsync(drop, package);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var rssBefore = ProcessMemory.Status("VmRSS");
            var peakReset = ProcessMemory.TryResetPeak();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var verdict = await ReadAsync(drop, package);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var peak = ProcessMemory.Status("VmHWM");
            var peakText = peakReset && peak is not null && rssBefore is not null
                ? string.Create(CultureInfo.InvariantCulture, $"{(peak.Value - rssBefore.Value) / 1024.0 / 1024.0:F1} MiB")
                : "n/a (no /proc/self/clear_refs)";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DisReaderBenchmarks.Documents} x {base64PerDocument / 1024 / 1024} MiB | {package.Length / 1e6:F1} | {allocated / 1024.0 / 1024.0:F2} MiB | {peakText} | {clock.Elapsed.TotalMilliseconds:F0} ms ({verdict})"));
        }
    }

    private static async Task<IntakeVerdict> ReadAsync(DropReference drop, byte[] package)
    {
        var result = await DropIntake.ReadAsync(drop, new ReadOnlyMemoryStream(package), null, NullDocumentSink.Instance);
        return result.Verdict;
    }
}
