using System.Diagnostics;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// Headless Chromium, to check what a page looks like once a browser has run it. Found as
/// <c>$SCHEDEX_CHROMIUM</c>, <c>/usr/bin/chromium</c> or <c>chromium</c>/<c>chromium-browser</c>/<c>google-chrome</c>
/// on PATH. A missing browser fails the test (CI installs it, see .ci/run) unless
/// <c>SCHEDEX_SKIP_BROWSER_TESTS=1</c> asks to skip it, which is then reported as ignored.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>The browser's path; fails or ignores the test when there is none.</summary>
    public static string Require()
    {
        string? found = Find();
        if (found is not null)
        {
            return found;
        }

        const string Message = "headless Chromium not found: install it (apt-get install -y chromium) or point SCHEDEX_CHROMIUM at it";
        if (Environment.GetEnvironmentVariable("SCHEDEX_SKIP_BROWSER_TESTS") == "1")
        {
            Assert.Ignore(Message + " (skipped: SCHEDEX_SKIP_BROWSER_TESTS=1)");
        }

        Assert.Fail(Message);
        return string.Empty;
    }

    /// <summary>The DOM of <paramref name="page"/> after its scripts ran.</summary>
    public static string DumpDom(string browser, string page) => Run(browser, "--dump-dom", new Uri(page).AbsoluteUri);

    /// <summary>Writes a PNG of <paramref name="page"/> to <paramref name="png"/>.</summary>
    public static void Screenshot(string browser, string page, string png, int width = 1400, int height = 800) =>
        Run(browser, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(page).AbsoluteUri);

    private static string Run(string browser, params string[] arguments)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEndAsync().WaitAsync(s_timeout).GetAwaiter().GetResult();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{browser} did not finish within {s_timeout.TotalSeconds} s");
        }

        Assert.That(process.ExitCode, Is.EqualTo(0), $"{browser} failed: {error.Result}");
        return output;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SCHEDEX_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        string[] names = ["chromium", "chromium-browser", "google-chrome"];
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Prepend("/usr/bin");
        return folders.SelectMany(folder => names.Select(name => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }
}
