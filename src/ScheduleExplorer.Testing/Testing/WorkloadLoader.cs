using System.Reflection.PortableExecutable;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Controlled;
using ScheduleExplorer.Rewriting;

namespace ScheduleExplorer.Testing;

/// <summary>
/// Rewrites a workload assembly in memory, loads it into a collectible context of its own (its
/// portable PDB kept, so breakpoints bind and stack traces show lines) and finds the test entry.
/// No post-build step is needed.
/// </summary>
internal static class WorkloadLoader
{
    public static TestTarget Load(string assemblyPath, string methodName, TestConfiguration configuration, ILoggerFactory loggerFactory)
    {
        var path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
        {
            throw new WorkloadException($"assembly not found: {assemblyPath}");
        }

        var mvid = ReadMvid(path);
        var options = new RewritingOptions
        {
            RuntimeAssemblyPath = typeof(ControlledMonitor).Assembly.Location,
            InstrumentMemoryAccesses = configuration.MemoryAccessPoints,
        };
        var rewriter = new AssemblyRewriter(options, loggerFactory.CreateLogger<AssemblyRewriter>());
        var context = new RewritingAssemblyLoadContext(path, rewriter, _ => true);
        try
        {
            var assembly = context.LoadMain();
            var (method, arguments) = WorkloadMethodResolver.Resolve(assembly, methodName);
            return new TestTarget(
                TestTarget.EntryFor(method, arguments),
                WorkloadMethodResolver.DisplayName(method, arguments),
                assembly.GetName().Name!,
                mvid,
                new Unloader(context),
                new StaticStateReset(context, loggerFactory.CreateLogger<StaticStateReset>()).Reset);
        }
        catch (RewritingException e)
        {
            context.Unload();
            throw new WorkloadException(e.Message, e);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>The MVID of the original module, which names the workload build in traces.</summary>
    public static Guid ReadMvid(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            if (!reader.HasMetadata)
            {
                throw new WorkloadException($"not a .NET assembly: {path}");
            }

            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }
        catch (BadImageFormatException e)
        {
            throw new WorkloadException($"not a .NET assembly: {path}", e);
        }
    }

    private sealed class Unloader(RewritingAssemblyLoadContext context) : IDisposable
    {
        public void Dispose() => context.Unload();
    }
}
