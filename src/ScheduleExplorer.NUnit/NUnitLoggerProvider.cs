using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace ScheduleExplorer.NUnit;

/// <summary>
/// Sends ScheduleExplorer's logs to NUnit's progress stream (<see cref="TestContext.Progress"/>),
/// so long explorations show progress in <c>dotnet test</c> output as they run.
/// </summary>
public sealed class NUnitLoggerProvider : ILoggerProvider
{
    private readonly LogLevel _minimum;

    /// <summary>Creates a provider logging at <paramref name="minimum"/> and above.</summary>
    public NUnitLoggerProvider(LogLevel minimum = LogLevel.Information) => _minimum = minimum;

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new ProgressLogger(_minimum);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class ProgressLogger(LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                TestContext.Progress.WriteLine($"[schedex {logLevel}] {formatter(state, exception)}");
            }
        }
    }
}
