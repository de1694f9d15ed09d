using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ScheduleExplorer.Rewriting.Tests;

public sealed class OutputTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("schedex-rewriting-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void RewritingTwiceGivesIdenticalBytes()
    {
        RewrittenAssembly first = SampleAssembly.CreateRewriter().Rewrite(SampleAssembly.Path);
        RewrittenAssembly second = SampleAssembly.CreateRewriter().Rewrite(SampleAssembly.Path);
        Assert.Multiple(() =>
        {
            Assert.That(second.Image, Is.EqualTo(first.Image));
            Assert.That(second.Symbols, Is.Not.Null.And.EqualTo(first.Symbols));
            Assert.That(second.Statistics, Is.EqualTo(first.Statistics));
            Assert.That(SampleAssembly.Rewritten.Image, Is.EqualTo(first.Image));
        });
    }

    [Test]
    public void TheOriginalMvidIsRecordedAndTheRewrittenModuleGetsANewOne()
    {
        Guid original = Mvid(File.ReadAllBytes(SampleAssembly.Path));
        Assert.Multiple(() =>
        {
            Assert.That(SampleAssembly.Rewritten.OriginalMvid, Is.EqualTo(original));
            Assert.That(Mvid(SampleAssembly.Rewritten.Image), Is.Not.EqualTo(original));
        });
    }

    [Test]
    public void RewriteToDirectoryWritesTheAssemblyAndItsPdbAndNoTemporaryFile()
    {
        RewrittenAssembly result = SampleAssembly.CreateRewriter().RewriteToDirectory(SampleAssembly.Path, Path.Combine(_directory, "out"));
        string dll = Path.Combine(_directory, "out", SampleAssembly.Namespace + ".dll");
        string pdb = Path.ChangeExtension(dll, ".pdb");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(dll), Is.EqualTo(result.Image));
            Assert.That(File.ReadAllBytes(pdb), Is.EqualTo(result.Symbols));
            Assert.That(Directory.GetFiles(Path.Combine(_directory, "out")).Select(Path.GetFileName), Is.EquivalentTo(new[] { Path.GetFileName(dll), Path.GetFileName(pdb) }));
        });
    }

    [Test]
    public void RewritingARewrittenAssemblyIsRefused()
    {
        string output = Path.Combine(_directory, "out");
        AssemblyRewriter rewriter = SampleAssembly.CreateRewriter();
        rewriter.RewriteToDirectory(SampleAssembly.Path, output);
        var thrown = Assert.Throws<RewritingException>(() => rewriter.Rewrite(Path.Combine(output, SampleAssembly.Namespace + ".dll")));
        Assert.That(thrown!.Message, Does.StartWith("already rewritten: " + SampleAssembly.Namespace + ".dll"));
    }

    [Test]
    public void AFileThatIsNotAnAssemblyIsRefused()
    {
        string path = Path.Combine(_directory, "x.dll");
        File.WriteAllText(path, "this is not a portable executable");
        var thrown = Assert.Throws<RewritingException>(() => SampleAssembly.CreateRewriter().Rewrite(path));
        Assert.That(thrown!.Message, Does.StartWith("not a .NET assembly: x.dll").And.Not.Contain('\n'));
    }

    [Test]
    public void AMissingFileIsRefused()
    {
        var thrown = Assert.Throws<RewritingException>(() => SampleAssembly.CreateRewriter().Rewrite(Path.Combine(_directory, "missing.dll")));
        Assert.That(thrown!.Message, Does.StartWith("file not found: ").And.EndWith("missing.dll"));
    }

    [Test]
    public void TheRuntimeAndTheFrameworkAreNeverRewritten()
    {
        AssemblyRewriter rewriter = SampleAssembly.CreateRewriter();
        var runtime = Assert.Throws<RewritingException>(() => rewriter.Rewrite(SampleAssembly.RuntimePath));
        var framework = Assert.Throws<RewritingException>(() => rewriter.Rewrite(typeof(Uri).Assembly.Location));
        Assert.Multiple(() =>
        {
            Assert.That(runtime!.Message, Does.StartWith("never rewritten: ScheduleExplorer.dll"));
            Assert.That(framework!.Message, Does.StartWith("never rewritten: ").And.Contain("framework"));
        });
    }

    [Test]
    public void AnAssemblyWithoutPdbIsRewrittenWithoutSymbolsAndIlSites()
    {
        File.Copy(SampleAssembly.Path, Path.Combine(_directory, "Samples.dll"));
        RewrittenAssembly result = SampleAssembly.CreateRewriter().Rewrite(Path.Combine(_directory, "Samples.dll"));
        using var module = SampleAssembly.Read(result);
        var sites = SampleAssembly.MemoryHooks(SampleAssembly.Method(module, "FieldShapes", "Ternary")).Select(h => h.Site).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Symbols, Is.Null);
            Assert.That(sites, Has.All.Match(@"^ScheduleExplorer\.Rewriting\.Tests\.Samples\.FieldShapes\.Ternary\+IL_[0-9a-f]{4}$"));
        });
    }

    private static Guid Mvid(byte[] image)
    {
        using var reader = new PEReader(new MemoryStream(image));
        MetadataReader metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
