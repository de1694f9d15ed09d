namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Awaits real file I/O, which completes on the runtime's own threads: the scheduler cannot drive it,
/// so the harness must say it could not test this rather than call the wait a deadlock or a success.
/// </summary>
public static class RealFileIo
{
    /// <summary>Writes and reads back a temporary file with the async file APIs.</summary>
    /// <exception cref="InvalidOperationException">The file did not read back.</exception>
    public static async Task WriteAndReadBack()
    {
        string path = Path.Combine(Path.GetTempPath(), $"schedex-io-{Environment.ProcessId}.txt");
        await File.WriteAllTextAsync(path, "hello");
        string text = await File.ReadAllTextAsync(path);
        File.Delete(path);
        if (text != "hello")
        {
            throw new InvalidOperationException($"Read back '{text}'.");
        }
    }
}
