using System.Runtime.CompilerServices;

// The stress tests drive `schedex stress` and `schedex demo` in-process through Program.Run, as the CLI tests do.
[assembly: InternalsVisibleTo("ScheduleExplorer.Stress.Tests")]
