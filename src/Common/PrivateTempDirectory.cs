namespace ScheduleExplorer.Common;

/// <summary>
/// A directory for one run's temporary files (a child's runtimeconfig, a schedule stream): an
/// unpredictable name, readable by this user only (0700), removed when disposed, when the process
/// exits, and by the next run when a killed one left it behind.
/// </summary>
internal sealed class PrivateTempDirectory : IDisposable
{
    private const string Prefix = "schedex-";
    private const string ChildPrefix = "child-";
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

    /// <summary>
    /// Notes that this run started child process <paramref name="pid"/>, whose diagnostic IPC socket
    /// (<c>dotnet-diagnostic-PID-…-socket</c> in the temp folder) this run then owns: it is removed when
    /// the child has ended (<see cref="ChildEnded"/>), or by the next run's sweep when this one was killed.
    /// </summary>
    public void RecordChild(int pid) =>
        File.WriteAllText(System.IO.Path.Combine(Path, ChildPrefix + pid.ToString(System.Globalization.CultureInfo.InvariantCulture)), string.Empty);

    /// <summary>Removes the diagnostic socket a recorded child that has ended left behind.</summary>
    public void ChildEnded(int pid) => RemoveDiagnosticSockets(pid);

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
                    foreach (string child in Directory.EnumerateFiles(directory, ChildPrefix + "*"))
                    {
                        if (int.TryParse(System.IO.Path.GetFileName(child)[ChildPrefix.Length..], out int pid) && !Directory.Exists($"/proc/{pid}"))
                        {
                            RemoveDiagnosticSockets(pid);
                        }
                    }

                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or in use: it stays.
            }
        }
    }

    /// <summary>Removes the .NET diagnostic IPC sockets of the ended process <paramref name="pid"/> (never a link).</summary>
    private static void RemoveDiagnosticSockets(int pid)
    {
        try
        {
            foreach (string socket in Directory.EnumerateFiles(System.IO.Path.GetTempPath(), $"dotnet-diagnostic-{pid}-*-socket"))
            {
                if (new FileInfo(socket).LinkTarget is null)
                {
                    File.Delete(socket);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not ours to remove after all, or gone.
        }
    }
}
