using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Cee.Cli.Local;

/// <summary>
/// <c>lstat</c> for drops: what an entry is, without following a link or opening it (opening a
/// FIFO waits for a writer; a device never ends). On Linux through <c>statx(2)</c>, whose layout is
/// the same on every architecture; elsewhere from <see cref="FileInfo"/>, which tells links and
/// directories apart but sees pipes and devices as files.
/// </summary>
internal static partial class DropFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxMtime = 0x40;
    private const uint StatxSize = 0x200;
    private const int FileTypeMask = 0xF000;

    private static bool _statxMissing;

    public static DropFileStatus Lstat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            try
            {
                return LinuxLstat(path);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _statxMissing = true;
            }
        }

        return PortableLstat(path);
    }

    private static DropFileStatus LinuxLstat(string path)
    {
        var name = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, name);
        var buffer = new byte[256];
        if (Statx(AtFdCwd, name, AtSymlinkNoFollow, StatxType | StatxSize | StatxMtime, buffer) != 0)
        {
            return new DropFileStatus(DropFileKind.Missing, 0, 0);
        }

        // struct statx: stx_mode (u16) at 28, stx_size (u64) at 40, stx_mtime {s64 sec; u32 nsec} at 112.
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28));
        var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40));
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(112));
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(120));
        var kind = (mode & FileTypeMask) switch
        {
            0x8000 => DropFileKind.Regular,
            0xA000 => DropFileKind.SymbolicLink,
            0x1000 => DropFileKind.Fifo,
            0x2000 or 0x6000 => DropFileKind.Device,
            0xC000 => DropFileKind.Socket,
            0x4000 => DropFileKind.Directory,
            _ => DropFileKind.Missing,
        };
        return new DropFileStatus(kind, size, (seconds * 1_000_000_000) + nanoseconds);
    }

    private static DropFileStatus PortableLstat(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return new DropFileStatus(DropFileKind.SymbolicLink, 0, 0);
        }

        if (Directory.Exists(path))
        {
            return new DropFileStatus(DropFileKind.Directory, 0, 0);
        }

        return info.Exists
            ? new DropFileStatus(DropFileKind.Regular, info.Length, (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100)
            : new DropFileStatus(DropFileKind.Missing, 0, 0);
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
