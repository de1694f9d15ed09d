namespace ScheduleExplorer.Rewriting.Tests;

public sealed class ConfigurationTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Directory.CreateTempSubdirectory("schedex-config-").FullName;
        Directory.CreateDirectory(Path.Combine(_directory, "bin"));
        File.WriteAllText(Path.Combine(_directory, "bin", "A.dll"), "stand-in");
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void AGoodConfigurationResolvesPathsFromItsFolder()
    {
        string path = Write("""
            {
              // comments and trailing commas are fine
              "AssembliesPath": "bin",
              "OutputPath": "./rewritten",
              "Assemblies": [ "A.dll" ],
              "IgnoredAssemblies": [ "B.dll" ],
              "InstrumentMemoryAccesses": false,
            }
            """);
        RewritingConfiguration configuration = RewritingConfiguration.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(configuration.ConfigurationPath, Is.EqualTo(path));
            Assert.That(configuration.AssembliesPath, Is.EqualTo(Path.Combine(_directory, "bin")));
            Assert.That(configuration.OutputPath, Is.EqualTo(Path.Combine(_directory, "rewritten")));
            Assert.That(configuration.Assemblies, Is.EqualTo(new[] { Path.Combine(_directory, "bin", "A.dll") }));
            Assert.That(configuration.IgnoredAssemblies, Is.EqualTo(new[] { "B.dll" }));
            Assert.That(configuration.InstrumentMemoryAccesses, Is.False);
            Assert.That(configuration.InstrumentBackEdges, Is.True);
        });
    }

    [Test]
    public void WithoutOutputPathTheAssembliesAreRewrittenInPlace()
    {
        RewritingConfiguration configuration = RewritingConfiguration.Load(Write("""{"AssembliesPath": "bin", "Assemblies": ["A.dll"]}"""));
        Assert.That(configuration.OutputPath, Is.EqualTo(configuration.AssembliesPath));
    }

    [TestCase("""{"Assemblies": ["bin/A.dll",""", "malformed JSON at line")]
    [TestCase("""{"Assemblies": "A.dll"}""", "malformed JSON at line 1")]
    [TestCase("""{"AssembliesPath": "bin"}""", "\"Assemblies\" is missing or empty")]
    [TestCase("""{"AssembliesPath": "bin", "Assemblies": []}""", "\"Assemblies\" is missing or empty")]
    [TestCase("""{"AssembliesPath": "bin", "Assemblies": ["A.dll", "Missing.dll"]}""", "assembly not found: ")]
    [TestCase("""{"AssembliesPath": "nowhere", "Assemblies": ["A.dll"]}""", "AssembliesPath does not exist: ")]
    public void ABadConfigurationIsAOneLineErrorNamingTheFile(string json, string problem)
    {
        string path = Write(json);
        var thrown = Assert.Throws<RewritingException>(() => RewritingConfiguration.Load(path));
        Assert.That(thrown!.Message, Does.StartWith("coyote.json: " + problem).And.Not.Contain('\n'));
    }

    [Test]
    public void AMissingFileIsAOneLineError()
    {
        var thrown = Assert.Throws<RewritingException>(() => RewritingConfiguration.Load(Path.Combine(_directory, "coyote.json")));
        Assert.That(thrown!.Message, Does.StartWith("coyote.json: configuration file not found"));
    }

    private string Write(string json)
    {
        string path = Path.Combine(_directory, "coyote.json");
        File.WriteAllText(path, json);
        return path;
    }
}
