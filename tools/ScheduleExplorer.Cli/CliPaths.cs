namespace ScheduleExplorer.Cli;

/// <summary>Checks the output locations before a run, so a bad one fails in milliseconds, not after minutes of exploring.</summary>
internal static class CliPaths
{
    /// <summary>Creates <paramref name="directory"/> if needed, and removes the temporary files killed runs left there.</summary>
    /// <exception cref="IOException">The folder cannot be created; the message names it and the <paramref name="purpose"/>.</exception>
    public static void EnsureDirectory(string directory, string purpose)
    {
        try
        {
            Directory.CreateDirectory(directory);
            Common.AtomicFile.RemoveStale(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new IOException($"cannot create the {purpose} folder '{directory}': {CliConsole.FirstLine(e.Message)}", e);
        }
    }

    /// <summary>Before a run: <paramref name="directory"/> exists (created if needed) and a file can be created in it.</summary>
    /// <exception cref="IOException">It cannot be created or written; the message says why.</exception>
    public static void CheckOutputDirectory(string directory, string purpose)
    {
        EnsureDirectory(directory, purpose);
        Probe(directory, $"the {purpose} folder '{directory}' is not writable");
    }

    /// <summary>Creates the folder of the file <paramref name="file"/> if needed.</summary>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    public static void EnsureParentDirectory(string file, string purpose) =>
        EnsureDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!, purpose);

    /// <summary>
    /// Before a run: the output file <paramref name="file"/> can be written (its folder is created if
    /// needed and writable; the path is a regular file, a link to one, or new), so a bad output is
    /// reported at once, not after exploring, and never loses a found bug.
    /// </summary>
    /// <exception cref="IOException">It cannot be written; the message says why.</exception>
    public static void CheckOutputFile(string file, string purpose)
    {
        EnsureParentDirectory(file, purpose);
        string full = Common.AtomicFile.Check(file);
        Probe(Path.GetDirectoryName(full)!, $"cannot write the {purpose} file {file}: its folder is not writable");
    }

    /// <summary>Creates and deletes a probe file in <paramref name="directory"/>, or throws with <paramref name="failure"/>.</summary>
    private static void Probe(string directory, string failure)
    {
        string probe = Path.Combine(directory, $".schedex-probe-{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{failure} ({CliConsole.FirstLine(e.Message)})", e);
        }
    }
}
