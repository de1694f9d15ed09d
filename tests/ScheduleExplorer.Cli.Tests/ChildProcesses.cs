using System.Globalization;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>The child processes of a process, read from Linux's /proc.</summary>
internal static class ChildProcesses
{
    /// <summary>The child processes of <paramref name="parent"/>, whichever of its threads started them.</summary>
    public static List<int> Of(int parent) =>
        [.. Directory.GetDirectories($"/proc/{parent}/task")
            .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(id => int.Parse(id, CultureInfo.InvariantCulture))];
}
