namespace ScheduleExplorer.Cli;

/// <summary>Checks the output locations before a run, so a bad one fails in milliseconds, not after minutes of exploring.</summary>
internal static class CliPaths
{
    /// <summary>Creates <paramref name="directory"/> if needed.</summary>
    /// <exception cref="IOException">The folder cannot be created; the message names it and the <paramref name="purpose"/>.</exception>
    public static void EnsureDirectory(string directory, string purpose)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new IOException($"cannot create the {purpose} folder '{directory}': {CliConsole.FirstLine(e.Message)}", e);
        }
    }

    /// <summary>Creates the folder of the file <paramref name="file"/> if needed.</summary>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    public static void EnsureParentDirectory(string file, string purpose) =>
        EnsureDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!, purpose);
}
