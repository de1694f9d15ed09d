namespace ScheduleExplorer.Testing;

/// <summary>What a run concluded about the code under test: one of three answers, never two.</summary>
public enum Verdict
{
    /// <summary>No schedule explored showed a bug, and every iteration ran to its end under control.</summary>
    NoBug,

    /// <summary>A schedule showed a bug (its trace replays it).</summary>
    Bug,

    /// <summary>The run could not test the code (an uncontrolled API, a cut-off, a hang): see <see cref="TestReport.CouldNotTest"/>.</summary>
    CouldNotTest,
}
