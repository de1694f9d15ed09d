using System.Reflection;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// The NUnit test library under tests/CacheAside.Samples, in its own build folder: a class library
/// whose Microsoft.Extensions.Caching.Memory and NUnit stay in the NuGet package folder.
/// </summary>
internal static class CacheAsideSample
{
    public const string Racy = "PriceCacheTests.ConcurrentReaders_LoadOnce";

    public const string Fixed = "PriceCacheTests.Locked_ConcurrentReaders_LoadOnce";

    /// <summary>CacheAside.Samples.dll built in the configuration of these tests.</summary>
    public static string Assembly { get; } = Path.Combine(
        Repository.Root, "tests", "CacheAside.Samples", "bin",
        typeof(CacheAsideSample).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0", "CacheAside.Samples.dll");
}
