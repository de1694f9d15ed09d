namespace ScheduleExplorer.Common;

/// <summary>
/// A directory for one run's temporary files (a child's runtimeconfig, a schedule stream): an
/// unpredictable name, readable by this user only (0700), removed when disposed, when the process
/// exits, and by the next run when a killed one left it behind.
/// </summary>
internal sealed class PrivateTempDirectory : IDisposable
{
    private const string Prefix = "schedex-";
    private readonly EventHandler _onExit;

    private PrivateTempDirectory(string path)
    {
        Path = path;
        _onExit = (_, _) => Delete();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Creates the directory (mkdtemp: a random name, mode 0700), first removing those of dead runs.</summary>
    public static PrivateTempDirectory Create()
    {
        RemoveStale();
        var directory = Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new PrivateTempDirectory(directory.FullName);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        Delete();
    }

    private void Delete()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already, or busy: the next run's sweep removes it.
        }
    }

    /// <summary>Removes the directories of runs whose process no longer exists (Linux: no /proc entry).</summary>
    private static void RemoveStale()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (string directory in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                string[] parts = System.IO.Path.GetFileName(directory).Split('-');
                // Only a real directory (never a planted symlink) of this layout, mode 0700, of a process that is gone.
                if (parts.Length >= 3 && int.TryParse(parts[1], out int owner) && !Directory.Exists($"/proc/{owner}")
                    && new DirectoryInfo(directory).LinkTarget is null && File.GetUnixFileMode(directory) == Private)
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or in use: it stays.
            }
        }
    }
}
