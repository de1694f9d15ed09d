using ScheduleExplorer.Common;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// A run's temporary files (a child's runtimeconfig, the schedule stream, Coyote's rewritten copies)
/// live in a folder only this user can open, under a name nobody can plant in advance; a killed run's
/// folder is removed by the next run, a planted link or another layout never is.
/// </summary>
[TestFixture]
[Platform(Include = "Linux")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PrivateTempDirectoryTests
{
    [Test]
    public void Create_MakesAFreshPrivateFolder_RemovedOnDispose()
    {
        string path;
        using (var first = PrivateTempDirectory.Create())
        using (var second = PrivateTempDirectory.Create())
        {
            path = first.Path;
            Assert.Multiple(() =>
            {
                Assert.That(first.Path, Is.Not.EqualTo(second.Path), "unpredictable, never reused");
                Assert.That(File.GetUnixFileMode(first.Path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
                Assert.That(new DirectoryInfo(first.Path).LinkTarget, Is.Null);
            });
        }

        Assert.That(Directory.Exists(path), Is.False);
    }

    [Test]
    public void Create_RemovesTheFolderOfADeadRun_ButNotALinkOrALiveRunsFolder()
    {
        int dead = DeadPid();
        string stale = Path.Combine(Path.GetTempPath(), $"schedex-{dead}-{Guid.NewGuid():N}");
        string live = Path.Combine(Path.GetTempPath(), $"schedex-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string target = Path.Combine(Path.GetTempPath(), $"schedex-tests-target-{Guid.NewGuid():N}");
        string link = Path.Combine(Path.GetTempPath(), $"schedex-{dead}-{Guid.NewGuid():N}");
        foreach (string folder in (string[])[stale, live, target])
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllText(Path.Combine(target, "keep.txt"), "precious");
        Directory.CreateSymbolicLink(link, target);
        try
        {
            using (PrivateTempDirectory.Create())
            {
            }

            Assert.Multiple(() =>
            {
                Assert.That(Directory.Exists(stale), Is.False, "a dead run's folder is swept");
                Assert.That(Directory.Exists(live), Is.True, "a live run's folder stays");
                Assert.That(File.ReadAllText(Path.Combine(target, "keep.txt")), Is.EqualTo("precious"), "a planted link is never followed");
            });
        }
        finally
        {
            foreach (string folder in (string[])[stale, live, target])
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            File.Delete(link);
        }
    }

    /// <summary>A process id with no process behind it.</summary>
    private static int DeadPid()
    {
        for (int pid = 4_000_000; ; pid--)
        {
            if (!Directory.Exists($"/proc/{pid}"))
            {
                return pid;
            }
        }
    }
}
