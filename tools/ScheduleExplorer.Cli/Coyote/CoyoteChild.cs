using System.Diagnostics;

namespace ScheduleExplorer.Cli.Coyote;

/// <summary>
/// Runs one <c>schedex test|replay --engine coyote</c> in a child process. Coyote's runtime can throw on a
/// thread-pool thread after an iteration it stopped (a continuation of that iteration posted to its
/// synchronization context later), which ends the whole process; in a child, that ends one row, not the hunt.
/// </summary>
internal static class CoyoteChild
{
    /// <summary>What the child printed and how it ended.</summary>
    public sealed record Result(int ExitCode, string Out, string Error, bool TimedOut);

    /// <summary>Runs schedex with <paramref name="arguments"/>, killed (with its children) after <paramref name="timeout"/>.</summary>
    public static Result Run(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Host(out string? entry))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (entry != null)
        {
            start.ArgumentList.Add(entry);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a schedex child process");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return new Result(exited ? process.ExitCode : -1, output.Result, error.Result, !exited);
    }

    /// <summary>The executable to start, and the schedex assembly to pass it when that is the dotnet host.</summary>
    private static string Host(out string? entry)
    {
        string schedex = typeof(CoyoteChild).Assembly.Location;
        string dotnet = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string? process = Environment.ProcessPath;
        if (process != null && !string.Equals(Path.GetFileName(process), dotnet, StringComparison.OrdinalIgnoreCase)
            && Path.GetFileNameWithoutExtension(process) == Path.GetFileNameWithoutExtension(schedex))
        {
            entry = null; // the schedex apphost itself
            return process;
        }

        entry = schedex;
        return process != null && Path.GetFileName(process) == dotnet ? process
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : dotnet;
    }
}
