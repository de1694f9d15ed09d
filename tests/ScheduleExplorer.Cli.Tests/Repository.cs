namespace ScheduleExplorer.Cli.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding ScheduleExplorer.sln, found above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The committed trace <paramref name="name"/> under traces/.</summary>
    public static string Trace(string name) => Path.Combine(Root, "traces", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScheduleExplorer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("ScheduleExplorer.sln not found above the test directory");
    }
}
