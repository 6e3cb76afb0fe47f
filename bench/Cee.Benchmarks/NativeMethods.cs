using System.Runtime.InteropServices;

namespace Cee.Benchmarks;

/// <summary>The few libc calls the benchmarks make.</summary>
internal static class NativeMethods
{
    /// <summary>sync(2): writes every dirty page back before an iteration starts.</summary>
    [DllImport("libc", EntryPoint = "sync")]
    internal static extern void Sync();
}
