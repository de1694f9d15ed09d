using System.Diagnostics;
using ScheduleExplorer.Common;

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
        // dotnet schedex.dll …, whether this process was started through the apphost or through dotnet.
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CoyoteChild).Assembly.Location);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ParentDeath.Prepare(start);
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
}
