using System.Runtime.InteropServices;

namespace ScheduleExplorer.Common;

/// <summary>
/// Ties a child process's life to its parent's: on Linux the kernel kills the child when the parent
/// ends (<c>prctl(PR_SET_PDEATHSIG, SIGKILL)</c>), however the parent ends, so no explorer or stress
/// child goes on burning CPU after its parent was killed.
/// </summary>
internal static partial class ParentDeath
{
    /// <summary>The environment variable a parent sets to its process id when it starts a tied child.</summary>
    public const string ParentVariable = "SCHEDEX_PARENT_PID";

    private const int PrSetPdeathsig = 1;
    private const int Sigkill = 9;

    /// <summary>
    /// Prepares <paramref name="start"/> for a child that ties itself to this process: it names this
    /// process as the parent and, unless <paramref name="diagnosticsIpc"/> (a child whose threads are
    /// inspected through it), turns off the child's diagnostic IPC endpoint, so a killed child leaves no
    /// diagnostic socket behind in the temp folder (a debugger still attaches).
    /// </summary>
    public static void Prepare(System.Diagnostics.ProcessStartInfo start, bool diagnosticsIpc = false)
    {
        start.Environment[ParentVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!diagnosticsIpc)
        {
            start.Environment["DOTNET_EnableDiagnostics_IPC"] = "0";
        }
    }

    /// <summary>
    /// In a child started with <see cref="ParentVariable"/> set: asks for SIGKILL when the parent ends,
    /// and ends now when the parent already has (it may have died before the request was made).
    /// </summary>
    public static void TieToParent()
    {
        if (!OperatingSystem.IsLinux() || !int.TryParse(Environment.GetEnvironmentVariable(ParentVariable), out int parent))
        {
            return;
        }

        // Inherited by nothing: a grandchild ties itself to its own parent.
        Environment.SetEnvironmentVariable(ParentVariable, null);
        _ = Prctl(PrSetPdeathsig, Sigkill, 0, 0, 0);
        if (GetParentProcessId() != parent)
        {
            KillSelf();
        }
    }

    /// <summary>Ends this process at once (SIGKILL on Unix): no handler, no finalizer, no flush.</summary>
    public static void KillSelf()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Kill(Environment.ProcessId, Sigkill);
        }

        Environment.Exit(137);
    }

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
