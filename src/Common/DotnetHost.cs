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

    /// <summary>
    /// The runtimeconfig.json to start <paramref name="assembly"/> with (<c>dotnet exec --runtimeconfig</c>): its own,
    /// beside it, or one for this process's runtime written into <paramref name="privateDirectory"/>.
    /// </summary>
    public static string RuntimeConfig(string assembly, string privateDirectory)
    {
        string beside = System.IO.Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (File.Exists(beside))
        {
            return beside;
        }

        string written = System.IO.Path.Combine(privateDirectory, System.IO.Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
        File.WriteAllText(written, $$"""
            { "runtimeOptions": { "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}", "rollForward": "LatestMajor",
              "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version}}" } } }
            """);
        return written;
    }
}
