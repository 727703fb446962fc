using Microsoft.Extensions.Logging;

namespace Hub.Sync.Tests.Support;

/// <summary>Keeps every formatted log line (and exception text) so tests can check what would reach a log.</summary>
internal sealed class CollectingLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                Lines.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }
        }
    }
}
