using System.Runtime.InteropServices;

namespace ScheduleExplorer.Cli;

/// <summary>
/// Turns the first SIGINT (Ctrl-C) or SIGTERM into a cancellation: exploration stops at the next
/// iteration boundary and the command still prints and writes its report. A second signal is left
/// to the default handler, so it ends the process at once.
/// </summary>
internal sealed class SignalStop : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    /// <summary>Registers the handlers.</summary>
    public SignalStop() => _registrations =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
    ];

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Stops as a first signal would (a parent's stop request); a no-op once stopped.</summary>
    public void Stop()
    {
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command already ended.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return; // the second signal: default handling ends the process
        }

        context.Cancel = true;
        _source.Cancel();
    }
}
