#!/usr/bin/env bash
# Packs ScheduleExplorer, ScheduleExplorer.Rewriting, ScheduleExplorer.Testing, ScheduleExplorer.NUnit and the schedex tool to a
# local folder, then uses them as a new user would, outside the repository: a fresh `dotnet new nunit`
# project adds ScheduleExplorer.NUnit from that folder, its racy test fails with the bug report, and
# the schedex tool, installed from the folder, replays the trace.
#   tools/package-smoke.sh [WORK]      (WORK defaults to a new temp folder; needs the NuGet registry
#                                       for the template's own packages)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
feed="$work/feed"
mkdir -p "$feed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A private package cache: a ScheduleExplorer package of the same version cached by an earlier run
# (or an earlier build of this one) must never stand in for the one just packed.
export NUGET_PACKAGES="$work/packages"
# The one version source of every package.
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)

echo "== pack to $feed"
if [ -z "${SCHEDEX_SMOKE_SKIP_PACK:-}" ]; then
  for project in src/ScheduleExplorer.Rewriting src/ScheduleExplorer src/ScheduleExplorer.Testing src/ScheduleExplorer.NUnit tools/ScheduleExplorer.Cli; do
    dotnet pack "$repo/$project" -c Release -o "$feed" -v quiet -nologo
  done
fi
ls "$feed"
# The local folder first, the public registry for the template's own packages.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

echo "== a fresh dotnet new nunit project, outside the repository"
cd "$work"
rm -rf Bank
dotnet new nunit -n Bank -o Bank >/dev/null
cd Bank
dotnet add package ScheduleExplorer.NUnit --version "$version"
cat > CounterTests.cs <<'CS'
using ScheduleExplorer.NUnit;
using ScheduleExplorer.Testing;

namespace Bank;

public class CounterTests
{
    private int _count;

    [Test, ExploreSchedules(Strategy = StrategyKind.Pct, Iterations = 200)]
    public void TwoIncrements_CountTwo()
    {
        var threads = new[] { new Thread(() => _count++), new Thread(() => _count++) };
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.That(_count, Is.EqualTo(2));
    }
}
CS
rm -f UnitTest1.cs
set +e
dotnet test 2>&1 | tee "$work/dotnet-test.log"
status=${PIPESTATUS[0]}
set -e
echo "dotnet test exit code: $status (1 expected: the race is found)"
grep -q "Bug found in iteration" "$work/dotnet-test.log"
grep -q "Replay: schedex replay" "$work/dotnet-test.log"

echo "== the schedex tool from the folder replays the trace"
dotnet tool install schedex --tool-path "$work/tool" --add-source "$feed" --version "$version"
trace=$(find . -path '*traces*' -name 'CounterTests.TwoIncrements_CountTwo*.json' | head -1)
dll=$(find . -path '*bin*' -name Bank.dll | head -1)
set +e
"$work/tool/schedex" replay "$dll" "$trace" | tail -5
replay=${PIPESTATUS[0]}
set -e
"$work/tool/schedex" show "$trace" --steps ..20 | head -12
echo "schedex replay exit code: $replay (1: the bug reproduces)"
[ "$status" -eq 1 ] && [ "$replay" -eq 1 ]
echo "package smoke test: OK"
