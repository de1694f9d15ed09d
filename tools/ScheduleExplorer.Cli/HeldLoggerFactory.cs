using Microsoft.Extensions.Logging;

namespace ScheduleExplorer.Cli;

/// <summary>
/// A logger factory that holds every entry back until <see cref="Release"/>: a command releases it
/// once its input is known to be good, so a bad input leaves exactly one error line on standard
/// error (the rewriter's log lines of a run that then fails on a missing method are dropped).
/// </summary>
internal sealed class HeldLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly Lock _gate = new();
    private List<Action>? _held = [];

    /// <summary>Wraps <paramref name="inner"/>, which writes the entries once released.</summary>
    public HeldLoggerFactory(ILoggerFactory inner) => _inner = inner;

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new HeldLogger(this, _inner.CreateLogger(categoryName));

    /// <inheritdoc/>
    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    /// <summary>Writes the entries held so far, in order, and every later one at once.</summary>
    public void Release()
    {
        List<Action>? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
        }

        held?.ForEach(write => write());
    }

    /// <summary>Disposes the inner factory; entries still held are dropped.</summary>
    public void Dispose() => _inner.Dispose();

    private void Write(Action write)
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                _held.Add(write);
                return;
            }
        }

        write();
    }

    private sealed class HeldLogger(HeldLoggerFactory owner, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            // Formatted now: the state may not outlive the call.
            string message = formatter(state, exception);
            owner.Write(() => inner.Log(logLevel, eventId, message, exception, static (text, _) => text));
        }
    }
}
