namespace Cee.Cli;

/// <summary>The exit codes every <c>cee</c> verb uses (documented in README).</summary>
public static class ExitCodes
{
    /// <summary>Every input was valid (or accepted).</summary>
    public const int Ok = 0;

    /// <summary>At least one input was invalid (or rejected).</summary>
    public const int Invalid = 1;

    /// <summary>The command line could not be honoured: unknown option, missing argument, unreadable file.</summary>
    public const int Usage = 2;

    /// <summary>Something failed that is not the input's fault; the message says what.</summary>
    public const int Internal = 3;
}
