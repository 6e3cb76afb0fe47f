namespace Cee.Cli;

/// <summary>An invocation the command cannot honour (a missing file, an unusable rules table): exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
