namespace Cee.Cli.Local;

/// <summary>What a directory entry of the drops folder is, as <c>lstat</c> sees it (links are not followed).</summary>
public enum DropFileKind
{
    /// <summary>A regular file: the only kind that is a drop.</summary>
    Regular,

    /// <summary>A symbolic link (to anything, or dangling): never followed.</summary>
    SymbolicLink,

    /// <summary>A named pipe: reading it could wait forever.</summary>
    Fifo,

    /// <summary>A character or block device (<c>/dev/zero</c>): reading it could never end.</summary>
    Device,

    /// <summary>A socket.</summary>
    Socket,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>Gone since the folder was listed, or not accessible.</summary>
    Missing,
}
