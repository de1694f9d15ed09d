using ScheduleExplorer.Common;

namespace ScheduleExplorer.Cli.Isolation;

/// <summary>
/// The child's side of the pipe to its parent: the child dies with the parent (parent-death signal,
/// and end of its standard input), and a "stop" line from the parent stops exploring at the next
/// iteration boundary, as a first SIGINT would.
/// </summary>
internal static class ParentWatch
{
    /// <summary>The line the parent writes to ask for a stop.</summary>
    public const string StopLine = "stop";

    /// <summary>
    /// Ties this process to its parent and starts watching its standard input; <paramref name="stop"/>
    /// runs on "stop", <paramref name="other"/> (if any) on every other line.
    /// </summary>
    public static void Start(Action stop, Action<string>? other = null)
    {
        ParentDeath.TieToParent();
        var watcher = new Thread(() => Watch(stop, other)) { IsBackground = true, Name = "schedex parent watch" };
        watcher.Start();
    }

    private static void Watch(Action stop, Action<string>? other)
    {
        try
        {
            using var input = new StreamReader(Console.OpenStandardInput());
            while (input.ReadLine() is { } line)
            {
                if (line == StopLine)
                {
                    stop();
                }
                else
                {
                    other?.Invoke(line);
                }
            }
        }
        catch (IOException)
        {
        }

        // The parent closed the pipe: it is gone (it never closes it while the child runs).
        ParentDeath.KillSelf();
    }
}
