using System.Globalization;

namespace Cee.Benchmarks;

/// <summary>The process's resident memory from Linux <c>/proc/self</c>: current, peak, and resetting the peak.</summary>
internal static class ProcessMemory
{
    /// <summary>Resets the kernel's peak-RSS mark for this process (Linux); false where that is not possible.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A size field of /proc/self/status in bytes, e.g. VmRSS or VmHWM; null where there is none.</summary>
    public static long? Status(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
