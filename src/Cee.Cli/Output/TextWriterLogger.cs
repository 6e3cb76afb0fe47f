using Cee.Routing.Identifiers;
using Microsoft.Extensions.Logging;

namespace Cee.Cli.Output;

/// <summary>One <see cref="TextWriterLoggerProvider"/> logger: <c>cee: warning: message</c>.</summary>
internal sealed class TextWriterLogger(TextWriter writer, LogLevel minimum, Lock gate) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var level = logLevel switch
        {
            LogLevel.Critical or LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            _ => "info",
        };
        var line = SsnRedaction.Redact($"cee: {level}: {formatter(state, exception)}");
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }
}
