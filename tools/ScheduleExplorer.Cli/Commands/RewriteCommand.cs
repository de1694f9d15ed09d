using System.CommandLine;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Controlled;
using ScheduleExplorer.Rewriting;

namespace ScheduleExplorer.Cli.Commands;

/// <summary>
/// <c>schedex rewrite &lt;coyote.json&gt;</c>: rewrites the configured assemblies to disk, for users who
/// want Coyote's workflow (the <c>test</c> command needs no such step: it rewrites in memory).
/// </summary>
internal sealed class RewriteCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string> _configuration = new("configuration") { Description = "The rewriting configuration (coyote.json)." };
    private readonly Option<string> _verbosity = CliOptions.Verbosity("minimal");

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public RewriteCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("rewrite", "Rewrite the assemblies a coyote.json lists into its OutputPath.")
        {
            _configuration, _verbosity,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Whether <paramref name="assemblyPath"/> is named (simple name or file name) by <paramref name="ignored"/>.</summary>
    public static bool IsIgnored(string assemblyPath, IReadOnlyList<string> ignored)
    {
        string file = Path.GetFileName(assemblyPath);
        string name = Path.GetFileNameWithoutExtension(assemblyPath);
        return ignored.Any(entry => string.Equals(Path.GetFileName(entry), file, StringComparison.OrdinalIgnoreCase)
            || string.Equals(entry, name, StringComparison.OrdinalIgnoreCase));
    }

    private int Execute(ParseResult parse)
    {
        RewritingConfiguration configuration = RewritingConfiguration.Load(parse.GetRequiredValue(_configuration));
        var options = new RewritingOptions
        {
            RuntimeAssemblyPath = typeof(ControlledMonitor).Assembly.Location,
            InstrumentMemoryAccesses = configuration.InstrumentMemoryAccesses,
            InstrumentBackEdges = configuration.InstrumentBackEdges,
            BenignRaces = configuration.BenignRaces,
        };
        int rewritten = 0;
        using (ILoggerFactory loggers = CliLogging.Create(parse.GetLogLevel(_verbosity)))
        {
            var rewriter = new AssemblyRewriter(options, loggers.CreateLogger<AssemblyRewriter>());
            foreach (string assembly in configuration.Assemblies)
            {
                string file = Path.GetFileName(assembly);
                if (IsIgnored(assembly, configuration.IgnoredAssemblies))
                {
                    _console.Out.WriteLine($"{file}: skipped (in IgnoredAssemblies)");
                    continue;
                }

                RewrittenAssembly result = rewriter.RewriteToDirectory(assembly, configuration.OutputPath);
                _console.Out.WriteLine($"{file} -> {Display(Path.Combine(configuration.OutputPath, file))}: {result.Statistics}");
                rewritten++;
            }
        }

        _console.Out.WriteLine($"Rewrote {rewritten} of {configuration.Assemblies.Count} assemblies into {Display(configuration.OutputPath)}.");
        return ExitCodes.NoBug;
    }

    /// <summary>A path relative to the current folder when it is below it, else the full path.</summary>
    private static string Display(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
