using ScheduleExplorer.Cli.Isolation;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>One part of a <c>--parallel</c> run: its child process, the lines it printed, and how far it got.</summary>
internal sealed class PartProcess
{
    private readonly object _lock = new();
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private readonly Action<PartProcess, ExploredIteration> _explored;
    private readonly Action _changed;
    private Action<string>? _send;
    private bool _stopSent;
    private Thread? _thread;

    /// <summary>Part <paramref name="index"/> (1-based); <paramref name="explored"/> gets its iterations, <paramref name="changed"/> any change of state.</summary>
    public PartProcess(int index, Action<PartProcess, ExploredIteration> explored, Action changed)
    {
        Index = index;
        _explored = explored;
        _changed = changed;
    }

    /// <summary>The 1-based part number.</summary>
    public int Index { get; }

    /// <summary>Whether its exploration ended and it waits for the verdict.</summary>
    public bool Ended { get; private set; }

    /// <summary>How its process ended, once it did.</summary>
    public ChildOutcome? Outcome { get; private set; }

    /// <summary>Whether it waits for a verdict or its process is gone.</summary>
    public bool Settled => Ended || Outcome is not null;

    /// <summary>Whether its process ended in a crash while exploring (its iteration ends the run).</summary>
    public bool Crashed => Outcome is { Schedule: { Started: true, Finished: false } };

    /// <summary>Starts the process with <paramref name="arguments"/>; <paramref name="stop"/> is forwarded as a stop request.</summary>
    public void Start(IReadOnlyList<string> arguments, CancellationToken stop)
    {
        var console = new CliConsole(new LineWriter(Output), new LineWriter(Error));
        _thread = new Thread(() => Run(arguments, console, stop)) { IsBackground = true, Name = $"schedex part {Index}" };
        _thread.Start();
    }

    /// <summary>Asks it to stop at its next iteration (once).</summary>
    public void Stop()
    {
        lock (_lock)
        {
            if (_stopSent)
            {
                return;
            }

            _stopSent = true;
        }

        Send(Isolation.ParentWatch.StopLine);
    }

    /// <summary>Sends it a line (a verdict); nothing when it is gone.</summary>
    public void Send(string line)
    {
        Action<string>? send;
        lock (_lock)
        {
            send = _send;
        }

        send?.Invoke(line);
    }

    /// <summary>Waits for its process to end and writes what it printed to <paramref name="console"/>.</summary>
    public void Join(CliConsole? console)
    {
        _thread?.Join();
        if (console is null)
        {
            return;
        }

        lock (_lock)
        {
            foreach (string line in _output)
            {
                console.Out.WriteLine(line);
            }

            foreach (string line in _errors)
            {
                console.Error.WriteLine(line);
            }
        }
    }

    private void Run(IReadOnlyList<string> arguments, CliConsole console, CancellationToken stop)
    {
        var outcome = IsolatedChild.Run(arguments, console, stop, send =>
        {
            lock (_lock)
            {
                _send = send;
            }
        });
        if (outcome.Schedule is { Started: true, Finished: false } crash)
        {
            _explored(this, new ExploredIteration(crash.Iteration, crash.Steps.Count, StepBoundReached: false, EndsRun: true));
        }

        lock (_lock)
        {
            _send = null;
            Outcome = outcome;
        }

        _changed();
    }

    private void Output(string line)
    {
        if (PartProtocol.TryParseIteration(line, out var iteration))
        {
            _explored(this, iteration);
            return;
        }

        if (line == PartProtocol.Ended)
        {
            Ended = true;
            _changed();
            return;
        }

        lock (_lock)
        {
            _output.Add(line);
        }
    }

    private void Error(string line)
    {
        lock (_lock)
        {
            _errors.Add(line);
        }
    }
}
