using System.Diagnostics;
using System.Globalization;
using Cee.Cli.Local;

namespace Cee.Benchmarks;

/// <summary>
/// The memory side of <see cref="RouteBenchmarks"/>: peak resident set while routing the 10,000 drops
/// (Linux <c>VmHWM</c>, reset first) and the managed bytes allocated, after a warm-up run.
/// </summary>
internal static class RouteMemoryCheck
{
    public static async Task RunAsync(TextWriter output)
    {
        foreach (var where in new[] { "tmpfs", "disk" })
        {
            var settings = await RouteBenchmarks.PrepareAsync(RouteBenchmarks.OutputFolder(where));
            var drops = LocalRouteRunner.FindDrops(settings.DropsDirectory, settings.OutDirectory);
            await RouteOnceAsync(settings, drops);

            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var rssBefore = ProcessMemory.Status("VmRSS");
            var peakReset = ProcessMemory.TryResetPeak();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var results = await RouteOnceAsync(settings, drops);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var peak = ProcessMemory.Status("VmHWM");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{where}: {results.Count} drops in {clock.Elapsed.TotalSeconds:F2} s = {results.Count / clock.Elapsed.TotalSeconds:F0} drops/s; " +
                $"peak RSS {(peakReset && peak is not null ? $"{peak.Value / 1024.0 / 1024.0:F0} MiB ({(peak.Value - rssBefore!.Value) / 1024.0 / 1024.0:F0} MiB above the {rssBefore.Value / 1024.0 / 1024.0:F0} MiB before)" : "n/a")}; " +
                $"allocated {allocated / 1024.0 / 1024.0:F0} MiB ({allocated / (double)results.Count / 1024:F1} KiB per drop)"));
        }
    }

    private static async Task<IReadOnlyList<LocalDropResult>> RouteOnceAsync(LocalRouteSettings settings, IReadOnlyList<Routing.Drops.DropReference> drops)
    {
        if (Directory.Exists(settings.OutDirectory))
        {
            Directory.Delete(settings.OutDirectory, recursive: true);
        }

        using var held = OutFolderLock.TryAcquire(settings.OutDirectory, "bench") ?? throw new InvalidOperationException("the bench output folder is in use");
        return (await LocalRouteRunner.RouteAsync(settings, drops, held, null, CancellationToken.None)).Results;
    }
}
