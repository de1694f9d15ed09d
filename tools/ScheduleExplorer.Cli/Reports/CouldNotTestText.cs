using System.Globalization;
using System.Text;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Reports;

/// <summary>
/// The text of a "could not test" verdict: first the line that says what escaped control and what
/// to do ("Could not test: ThreadPool.QueueUserWorkItem (uncontrolled API) at Pool.cs:12 … — Start a
/// Thread instead …"), then where the run stopped, then the details (the stack).
/// </summary>
internal static class CouldNotTestText
{
    /// <summary>The report of <paramref name="report"/>, whose verdict is <see cref="Verdict.CouldNotTest"/>.</summary>
    public static string Format(TestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var couldNotTest = report.CouldNotTest ?? throw new ArgumentException("The run has a verdict.", nameof(report));
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(couldNotTest.Summary);
        text.Append(culture, $"  {report.Method} with {report.Strategy}, seed {report.Seed}: ");
        text.AppendLine(couldNotTest.Iteration is { } iteration && couldNotTest.Cause != Detection.CouldNotTestCause.StepBound
            ? iteration == 1
                ? "stopped in iteration 1; no trace written."
                : string.Create(culture, $"stopped in iteration {iteration:N0}, after {iteration - 1:N0} iterations without a bug; no trace written.")
            : string.Create(culture, $"{report.Iterations:N0} iterations, no bug in those that finished; no trace written."));
        if (couldNotTest.Details.Length > 0)
        {
            text.AppendLine();
            foreach (string line in couldNotTest.Details.Split('\n'))
            {
                text.Append("  ").AppendLine(line.TrimEnd('\r'));
            }
        }

        return text.ToString().TrimEnd();
    }
}
