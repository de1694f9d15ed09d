using System.Globalization;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>
/// The lines a part of a <c>--parallel</c> run and its parent exchange: the part writes one line per
/// explored iteration and one when its exploration ended on its standard output; the parent answers
/// with <see cref="Discard"/> or a <see cref="FinishPrefix"/> line (the whole run's totals) on its standard input.
/// </summary>
internal static class PartProtocol
{
    /// <summary>The prefix of every line a part writes for its parent.</summary>
    public const string Prefix = "schedex-part: ";

    /// <summary>The part's exploration ended; it waits for the parent's verdict.</summary>
    public const string Ended = Prefix + "ended";

    /// <summary>The parent's verdict for a part whose result is not the run's: end without output.</summary>
    public const string Discard = "discard";

    /// <summary>The start of the parent's verdict for the part that prints the run's result.</summary>
    public const string FinishPrefix = "finish ";

    private const string IterationPrefix = Prefix + "iteration ";

    /// <summary>The line for one explored iteration.</summary>
    public static string Iteration(ExploredIteration iteration) => string.Create(
        CultureInfo.InvariantCulture,
        $"{IterationPrefix}{iteration.Iteration} {iteration.Steps} {Bit(iteration.StepBoundReached)} {Bit(iteration.EndsRun)} {Bit(iteration.NotesRace)}");

    /// <summary>Reads an iteration line; false for any other line.</summary>
    public static bool TryParseIteration(string line, out ExploredIteration iteration)
    {
        iteration = default;
        if (!line.StartsWith(IterationPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] fields = line[IterationPrefix.Length..].Split(' ');
        if (fields.Length != 5
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int steps))
        {
            return false;
        }

        iteration = new ExploredIteration(number, steps, fields[2] == "1", fields[3] == "1", fields[4] == "1");
        return true;
    }

    private static char Bit(bool value) => value ? '1' : '0';
}
