using System.Runtime.InteropServices;

namespace ScheduleExplorer.Common;

/// <summary>Finds the <c>dotnet</c> host that runs this process, to start a child on the same runtime.</summary>
internal static class DotnetHost
{
    public static string Path
    {
        get
        {
            // Set by the SDK under dotnet test/run; the host of a framework-dependent app otherwise.
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            {
                return hostPath;
            }

            string executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            if (Environment.ProcessPath is { } process && System.IO.Path.GetFileName(process) == executable)
            {
                return process;
            }

            // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
            string beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", executable));
            return File.Exists(beside) ? beside : executable;
        }
    }
}
