using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Harness.Logging;

/// <summary>Keeps what the app logs at or above a level, so tests can see which retry layer acted (the adapters log every retry).</summary>
public sealed class CapturingLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, minimum, _entries);

    public void Clear() => _entries.Clear();

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, LogLevel minimum, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal)
                : [];
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), properties, exception));
        }
    }
}
