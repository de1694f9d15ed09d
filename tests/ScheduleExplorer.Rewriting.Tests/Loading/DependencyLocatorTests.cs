using System.Reflection;
using System.Runtime.InteropServices;
using ScheduleExplorer.Rewriting.Loading;

namespace ScheduleExplorer.Rewriting.Tests.Loading;

/// <summary>
/// A target's layout as the host reads it: package assets from deps.json, the shared frameworks of
/// its runtimeconfig, and malformed files read as empty rather than failing the load.
/// </summary>
public sealed class DependencyLocatorTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("schedex-locator-").FullName;

    [TearDown]
    public void Delete() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Manifest_ListsThePackageRuntimeAssets_NotProjectsOrCompileAssets()
    {
        string path = Write("App.deps.json", """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
              "targets": { ".NETCoreApp,Version=v10.0": {
                "App/1.0.0": { "runtime": { "App.dll": {} } },
                "Microsoft.Extensions.Primitives/10.0.14": { "runtime": { "lib/net10.0/Microsoft.Extensions.Primitives.dll": {} }, "compile": { "ref/x.dll": {} } }
              } },
              "libraries": {
                "App/1.0.0": { "type": "project" },
                "Microsoft.Extensions.Primitives/10.0.14": { "type": "package", "path": "microsoft.extensions.primitives/10.0.14" }
              }
            }
            """);
        var assets = DependencyManifest.Read(path).PackageRuntimeAssets;
        Assert.That(assets, Is.EqualTo(new[]
        {
            ("microsoft.extensions.primitives/10.0.14", Path.Combine("lib", "net10.0", "Microsoft.Extensions.Primitives.dll")),
        }));
    }

    [TestCase("{ not json")]
    [TestCase("""{ "runtimeTarget": 3, "targets": [] }""")]
    [TestCase("""{ "runtimeTarget": { "name": "x" }, "targets": { "x": { "a/1": { "runtime": 1 } } }, "libraries": { "a/1": { "type": "package" } } }""")]
    public void Locator_WithAMalformedManifest_StillFindsTheAssemblyBesideTheTarget(string manifest)
    {
        Write("App.deps.json", manifest);
        Write("App.runtimeconfig.json", manifest);
        string beside = Write("Dep.dll", "not really an assembly");
        var locator = new DependencyLocator(Path.Combine(_directory, "App.dll"));
        Assert.Multiple(() =>
        {
            Assert.That(locator.Locate(new AssemblyName("Dep")), Is.EqualTo(beside));
            Assert.That(locator.Locate(new AssemblyName("Missing")), Is.Null);
            Assert.That(locator.FrameworkDirectories, Is.Empty);
        });
    }

    [Test]
    public void Locator_NamesTheInstalledSharedFrameworksOfTheRuntimeConfig_ButNotTheHostsOwn()
    {
        string shared = Path.GetDirectoryName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory())))!;
        string aspNet = Path.Combine(shared, "Microsoft.AspNetCore.App");
        Assume.That(Directory.Exists(aspNet), "Microsoft.AspNetCore.App is installed");
        Write("App.runtimeconfig.json", """
            { "runtimeOptions": { "frameworks": [
              { "name": "Microsoft.NETCore.App", "version": "10.0.0" },
              { "name": "Microsoft.AspNetCore.App", "version": "10.0.0" },
              { "name": "Not.Installed.App", "version": "10.0.0" } ] } }
            """);
        var locator = new DependencyLocator(Path.Combine(_directory, "App.dll"));
        Assert.That(locator.FrameworkDirectories, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(Path.GetDirectoryName(locator.FrameworkDirectories[0]), Is.EqualTo(aspNet));
            Assert.That(locator.Locate(new AssemblyName("Microsoft.AspNetCore.Http.Abstractions")), Does.StartWith(aspNet));
            Assert.That(locator.IsInSharedFramework(locator.Locate(new AssemblyName("Microsoft.AspNetCore.Http.Abstractions"))!), Is.True);
        });
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
