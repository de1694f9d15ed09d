namespace ScheduleExplorer.Common;

/// <summary>
/// Writes a file atomically: a uniquely named temporary file in the target's folder (created new, so a
/// planted file or link of that name is never followed), then a rename over the target, so a reader
/// (a CI job, a replay) sees the old file or the new one, never half of one. Only regular files are
/// written: a directory, device, FIFO or socket at the path is refused, and so is a read-only file. A
/// symbolic link is written through (its final target is replaced, the link is kept); the target's
/// permissions are kept. Shared source: linked into each assembly that writes files (see src/Common in
/// the csproj files).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The path is not a regular file, is read-only, or its folder cannot be written.</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        string full = Check(path);
        string temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Removes the temporary files that runs killed in the middle of a write left in <paramref name="folder"/>
    /// ("name.PID.GUID.tmp" of a process that no longer runs); returns how many.
    /// </summary>
    public static int RemoveStale(string folder)
    {
        int removed = 0;
        if (!Directory.Exists(folder))
        {
            return removed;
        }

        foreach (string file in Directory.EnumerateFiles(folder, "*.tmp"))
        {
            string[] parts = Path.GetFileName(file).Split('.');
            if (parts.Length >= 4 && parts[^2].Length == 32 && Guid.TryParseExact(parts[^2], "N", out _)
                && int.TryParse(parts[^3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid)
                && pid != Environment.ProcessId && !IsRunning(pid))
            {
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's file, or gone already: not ours to insist on.
                }
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/>.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Checks that <paramref name="path"/> can be written as a regular file (before a long run, so a bad
    /// output is reported in the first second, not after the run): returns the full path that will be
    /// replaced — a link's final target.
    /// </summary>
    /// <exception cref="IOException">It cannot: the message says why, in one line.</exception>
    public static string Check(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"cannot write {path}: it is a directory");
        }

        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null or DirectoryInfo)
            {
                throw new IOException($"cannot write {path}: it is a link to {(target is null ? "nothing that can be resolved" : "a directory")}");
            }

            full = target.FullName;
            info = new FileInfo(full);
        }

        if (info.Exists)
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & UnixFileMode.UserWrite) == 0)
            {
                throw new IOException($"cannot write {path}: it is read-only");
            }

            if ((info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0 || !IsRegular(full))
            {
                throw new IOException($"cannot write {path}: it is not a regular file (a device, FIFO or socket)");
            }
        }

        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new IOException($"cannot write {path}: the folder {folder} does not exist");
        }

        return full;
    }

    /// <summary>
    /// Whether the existing file is a regular file. .NET exposes no file type (a FIFO or device looks
    /// like an empty file), so on Linux the type comes from <c>statx</c>, whose layout is the same on
    /// every architecture; where it is missing the file is taken as regular.
    /// </summary>
    private static bool IsRegular(string full)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        const int AtCurrentDirectory = -100;
        const uint StatxType = 0x1;
        const int ModeOffset = 28;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, full, 0, StatxType, buffer) != 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return true;
        }

        int mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return (mode & 0xF000) == 0x8000;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Statx(int directory, string path, int flags, uint mask, byte[] buffer);
}
