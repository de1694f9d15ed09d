using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>
/// The parent's account of a <c>--parallel</c> run's iterations [first, first + count): which are
/// done, their steps, and the lowest one that ends the run. The run's result is final once every
/// iteration before that one (or every iteration, when none ends the run) is done. Thread-safe.
/// </summary>
internal sealed class IterationLedger
{
    private readonly object _lock = new();
    private readonly int _first;
    private readonly bool[] _done;
    private readonly int[] _steps;
    private readonly bool[] _cutOff;
    private int _prefix;
    private int _doneCount;
    private int _ends;
    private int? _end;
    private int _endPart;
    private int? _race;
    private int _racePart;

    /// <summary>A ledger for <paramref name="count"/> iterations from <paramref name="first"/>.</summary>
    public IterationLedger(int first, int count)
    {
        _first = first;
        _done = new bool[count];
        _steps = new int[count];
        _cutOff = new bool[count];
    }

    /// <summary>Iterations done, in any order.</summary>
    public int Done
    {
        get
        {
            lock (_lock)
            {
                return _doneCount;
            }
        }
    }

    /// <summary>Iterations done that end the run (bugs, crashes, "could not test").</summary>
    public int Ends
    {
        get
        {
            lock (_lock)
            {
                return _ends;
            }
        }
    }

    /// <summary>The lowest iteration (0-based, absolute) that ends the run and the part that ran it, or null.</summary>
    public (int Iteration, int Part)? End
    {
        get
        {
            lock (_lock)
            {
                return _end is { } end ? (end + _first, _endPart) : null;
            }
        }
    }

    /// <summary>
    /// The lowest iteration (0-based, absolute) that saw a data race with nothing failing, and its part,
    /// or null: the run's bug when no iteration ends the run.
    /// </summary>
    public (int Iteration, int Part)? Race
    {
        get
        {
            lock (_lock)
            {
                return _race is { } race ? (race + _first, _racePart) : null;
            }
        }
    }

    /// <summary>Whether the result is final: every iteration before the run's end is done.</summary>
    public bool Complete
    {
        get
        {
            lock (_lock)
            {
                return _end is { } end ? _prefix > end : _prefix == _done.Length;
            }
        }
    }

    /// <summary>How many iterations from the first are done without a gap.</summary>
    public int Prefix
    {
        get
        {
            lock (_lock)
            {
                return _prefix;
            }
        }
    }

    /// <summary>Records what <paramref name="part"/> explored; true when that part went past the run's end and may stop.</summary>
    public bool Record(int part, ExploredIteration iteration)
    {
        int index = iteration.Iteration - _first;
        lock (_lock)
        {
            if (index < 0 || index >= _done.Length || _done[index])
            {
                return false;
            }

            _done[index] = true;
            _doneCount++;
            _steps[index] = iteration.Steps;
            _cutOff[index] = iteration.StepBoundReached;
            if (iteration.EndsRun)
            {
                _ends++;
                if (_end is null || index < _end)
                {
                    _end = index;
                    _endPart = part;
                }
            }

            if (iteration.NotesRace && (_race is null || index < _race))
            {
                _race = index;
                _racePart = part;
            }

            while (_prefix < _done.Length && _done[_prefix])
            {
                _prefix++;
            }

            return _end is { } end && index > end;
        }
    }

    /// <summary>The figures of the first <paramref name="iterations"/> iterations.</summary>
    public PartTotals Totals(int iterations, TimeSpan elapsed, bool interrupted, bool keepResult)
    {
        lock (_lock)
        {
            long steps = 0;
            int max = 0;
            int hits = 0;
            int? firstHit = null;
            for (int i = 0; i < iterations; i++)
            {
                steps += _steps[i];
                max = Math.Max(max, _steps[i]);
                if (_cutOff[i])
                {
                    hits++;
                    firstHit ??= _first + i + 1;
                }
            }

            return new PartTotals(iterations, steps, max, hits, firstHit, elapsed, interrupted, keepResult);
        }
    }
}
