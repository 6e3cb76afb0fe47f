using Microsoft.Extensions.Logging;

namespace Cee.Cli.Output;

/// <summary>
/// Logs of the libraries a verb uses (the Cosmos DB adapter's retries, for one), one line each on
/// the verb's error writer, from <paramref name="minimum"/> up. Lines go through SSN redaction.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(writer, minimum, _gate);

    public void Dispose()
    {
    }
}
