namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>Writes a file atomically: a temporary file in the same folder, then a rename over the target.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>; readers see the old or the new file, never half of one.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        string temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
