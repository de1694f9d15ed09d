using System.Reflection;
using System.Runtime.Loader;

namespace ScheduleExplorer.Rewriting.Loading;

/// <summary>
/// What the default context can give: an assembly already loaded there, or one on the host's
/// trusted platform list, of at least the version asked for. A lower version would fail to bind,
/// so the target's own copy is loaded instead.
/// </summary>
internal sealed class HostAssemblies
{
    private readonly Dictionary<string, string> _trusted = TrustedPlatformAssemblies();

    public bool Provides(AssemblyName wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        Version? version = AssemblyLoadContext.Default.Assemblies
            .Select(a => a.GetName())
            .FirstOrDefault(a => string.Equals(a.Name, wanted.Name, StringComparison.OrdinalIgnoreCase))?.Version;
        if (version is null && _trusted.TryGetValue(wanted.Name!, out string? path))
        {
            version = VersionOf(path);
        }

        return version is not null && (wanted.Version is null || version >= wanted.Version);
    }

    private static Version? VersionOf(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> TrustedPlatformAssemblies()
    {
        var trusted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (string path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                trusted.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return trusted;
    }
}
