#!/usr/bin/env bash
# Packs ScheduleExplorer, ScheduleExplorer.Rewriting, ScheduleExplorer.Testing, ScheduleExplorer.NUnit and the schedex tool to a
# local folder, then uses them as a new user would, outside the repository: a fresh `dotnet new nunit`
# project adds ScheduleExplorer.NUnit from that folder, its racy test fails with the bug report, and
# the schedex tool, installed from the folder, replays the trace; then `schedex test` on that dll runs its plain
# NUnit tests over Microsoft.Extensions.Caching.Memory: the racy cache-aside found and replayed, the locked one clean.
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
dotnet add package Microsoft.Extensions.Caching.Memory --version 10.0.14 >/dev/null
cat > PriceCacheTests.cs <<'CS'
using Microsoft.Extensions.Caching.Memory;

namespace Bank;

// Plain NUnit tests over a Microsoft.* package: schedex test runs them (SetUp/TearDown around every iteration).
public class PriceCacheTests
{
    private readonly object _gate = new();
    private MemoryCache _cache = null!;
    private int _loads;

    [SetUp] public void CreateCache() => _cache = new MemoryCache(new MemoryCacheOptions());
    [TearDown] public void DisposeCache() => _cache.Dispose();

    [Test] public void Racy_TwoReaders_LoadOnce() => TwoReaders(() => Price());
    [Test] public void Locked_TwoReaders_LoadOnce() => TwoReaders(() => { lock (_gate) { Price(); } });

    private int Price()
    {
        if (_cache.TryGetValue("sku-42", out int price)) return price;
        Interlocked.Increment(ref _loads);
        return _cache.Set("sku-42", 4200);
    }

    private void TwoReaders(Action read)
    {
        var first = new Thread(() => read());
        var second = new Thread(() => read());
        first.Start(); second.Start(); first.Join(); second.Join();
        Assert.That(_loads, Is.EqualTo(1), "loads from the store");
    }
}
CS
cat > FlagTests.cs <<'CS'
namespace Bank;

// The race detector matches [BenignRace] by name: this project declares its own.
[AttributeUsage(AttributeTargets.Field)]
internal sealed class BenignRaceAttribute : Attribute { }

// A record published through a plain flag: the check passes in every schedule, the flag races.
public class FlagTests
{
    private sealed class Box
    {
        public int Record;
        public bool Ready;
        [BenignRace] public bool Hint;
    }

    [Test] public void PlainFlag_RecordSeen() => Publish(b => b.Ready = true, b => b.Ready);
    [Test] public void AcceptedFlag_RecordSeen() => Publish(b => b.Hint = true, b => b.Hint);

    private static void Publish(Action<Box> raise, Func<Box, bool> raised)
    {
        var box = new Box();
        var writer = new Thread(() => { box.Record = 42; raise(box); });
        var reader = new Thread(() => { if (raised(box) && box.Record != 42) throw new InvalidOperationException("stale record"); });
        writer.Start(); reader.Start(); writer.Join(); reader.Join();
    }
}
CS
cat > GateTests.cs <<'CS'
namespace Bank;

// Two workers claim a one-slot gate with volatile flags (Dekker's entry): correct only if every
// store is seen before the other's load, which x64's store buffer does not promise.
public class GateTests
{
    private sealed class Gate
    {
        public volatile bool A;
        public volatile bool B;
        public int Inside;
    }

    [Test] public void VolatileFlags_OneInside() => Claim(fence: false);
    [Test] public void FencedFlags_OneInside() => Claim(fence: true);

    private static void Claim(bool fence)
    {
        var gate = new Gate();
        var a = new Thread(() => { gate.A = true; if (fence) Thread.MemoryBarrier(); if (!gate.B) Interlocked.Increment(ref gate.Inside); });
        var b = new Thread(() => { gate.B = true; if (fence) Thread.MemoryBarrier(); if (!gate.A) Interlocked.Increment(ref gate.Inside); });
        a.Start(); b.Start(); a.Join(); b.Join();
        Assert.That(gate.Inside, Is.LessThanOrEqualTo(1), "both workers got in");
    }
}
CS
cat > SpinLockTests.cs <<'CS'
namespace Bank;

// A hand-rolled spin lock around a counter: one claims the flag atomically, the other checks it and
// then sets it, so both threads can be inside at once. Both spin on Thread.Yield.
public class SpinLockTests
{
    private sealed class Counter
    {
        private int _taken;
        public int Value;

        public void EnterAtomically() { while (Interlocked.CompareExchange(ref _taken, 1, 0) != 0) Thread.Yield(); }
        public void EnterCheckThenSet() { while (Volatile.Read(ref _taken) != 0) Thread.Yield(); Volatile.Write(ref _taken, 1); }
        public void Exit() => Interlocked.Exchange(ref _taken, 0);
    }

    [Test] public void CompareExchange_CountsTwo() => Count(c => c.EnterAtomically());
    [Test] public void CheckThenSet_CountsTwo() => Count(c => c.EnterCheckThenSet());

    private static void Count(Action<Counter> enter)
    {
        var counter = new Counter();
        void Work() { enter(counter); int seen = counter.Value; counter.Value = seen + 1; counter.Exit(); }
        var a = new Thread(Work);
        var b = new Thread(Work);
        a.Start(); b.Start(); a.Join(); b.Join();
        Assert.That(counter.Value, Is.EqualTo(2), "an increment was lost");
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

echo "== schedex test on the fresh test dll (NUnit + Microsoft.Extensions.Caching.Memory)"
set +e
"$work/tool/schedex" test "$dll" --method PriceCacheTests.Racy_TwoReaders_LoadOnce -i 200 -o "$work/cache-traces" -v quiet | sed -n 1,4p
racy=${PIPESTATUS[0]}
cache_trace=$(find "$work/cache-traces" -name 'PriceCacheTests.Racy_TwoReaders_LoadOnce*.json' | head -1)
"$work/tool/schedex" replay "$dll" "$cache_trace" -v quiet | sed -n 1,2p
cache_replay=${PIPESTATUS[0]}
"$work/tool/schedex" test "$dll" --method PriceCacheTests.Locked_TwoReaders_LoadOnce -i 200 -o "$work/cache-traces" -v quiet
locked=${PIPESTATUS[0]}
set -e
echo "racy: exit $racy (1: bug found), its replay: exit $cache_replay (1: reproduced), locked: exit $locked (0: no bug)"

echo "== a data race with no failing check, and the same race accepted with the project's own [BenignRace]"
set +e
"$work/tool/schedex" test "$dll" --method FlagTests.PlainFlag_RecordSeen -i 200 -o "$work/race-traces" -v quiet | tee "$work/race.log" | sed -n 1,2p
race=${PIPESTATUS[0]}
"$work/tool/schedex" test "$dll" --method FlagTests.AcceptedFlag_RecordSeen -i 200 -o "$work/race-traces" -v quiet | sed -n 1,2p
accepted=${PIPESTATUS[0]}
set -e
grep -q "DataRace: Data race on Bank.FlagTests+Box.Ready" "$work/race.log"
echo "plain flag: exit $race (1: race found), accepted flag: exit $accepted (0: no bug)"
echo "== store buffering: volatile flags without a fence let both workers in; sequentially consistent schedules never do"
set +e
"$work/tool/schedex" test "$dll" --method GateTests.VolatileFlags_OneInside -i 500 -o "$work/gate-traces" -v quiet | tee "$work/gate.log" | sed -n 1,2p
gate=${PIPESTATUS[0]}
gate_trace=$(find "$work/gate-traces" -name 'GateTests.VolatileFlags_OneInside*.json' | head -1)
"$work/tool/schedex" replay "$dll" "$gate_trace" -v quiet | sed -n 1,2p
gate_replay=${PIPESTATUS[0]}
"$work/tool/schedex" test "$dll" --method GateTests.VolatileFlags_OneInside -s dfs -i 100000 --no-store-buffering -v quiet | sed -n 1,2p
gate_sc=${PIPESTATUS[0]}
"$work/tool/schedex" test "$dll" --method GateTests.FencedFlags_OneInside -s dfs -i 100000 -v quiet | sed -n 1,2p
gate_fenced=${PIPESTATUS[0]}
set -e
grep -q "both workers got in" "$work/gate.log"
echo "volatile flags: exit $gate (1: found), its replay: exit $gate_replay (1), sequentially consistent: exit $gate_sc (0), fenced: exit $gate_fenced (0)"
[ "$gate" -eq 1 ] && [ "$gate_replay" -eq 1 ] && [ "$gate_sc" -eq 0 ] && [ "$gate_fenced" -eq 0 ]

echo "== spin loops on Thread.Yield: depth-first search finds the broken lock and finishes the sound one's fair schedules"
set +e
"$work/tool/schedex" test "$dll" --method SpinLockTests.CheckThenSet_CountsTwo -s dfs -i 100000 -o "$work/spin-traces" -v quiet | tee "$work/spin.log" | sed -n 1,2p
spin=${PIPESTATUS[0]}
"$work/tool/schedex" test "$dll" --method SpinLockTests.CompareExchange_CountsTwo -s dfs -i 100000 -v quiet | tee "$work/spin-fixed.log" | sed -n 1,2p
spin_fixed=${PIPESTATUS[0]}
"$work/tool/schedex" test "$dll" --method SpinLockTests.CompareExchange_CountsTwo -s dfs -i 1000 --no-fair-yields -v quiet | tee "$work/spin-unfair.log" | sed -n 1,2p
spin_unfair=${PIPESTATUS[0]}
set -e
grep -q "an increment was lost" "$work/spin.log"
grep -q "every fair schedule explored" "$work/spin-fixed.log"
! grep -q "schedule explored" "$work/spin-unfair.log"
echo "check-then-set: exit $spin (1: found), compare-exchange: exit $spin_fixed (0, every fair schedule), without fairness: exit $spin_unfair (0, and 1,000 schedules do not finish the tree: each spins once more)"
[ "$spin" -eq 1 ] && [ "$spin_fixed" -eq 0 ] && [ "$spin_unfair" -eq 0 ]
[ "$status" -eq 1 ] && [ "$replay" -eq 1 ] && [ "$racy" -eq 1 ] && [ "$cache_replay" -eq 1 ] && [ "$locked" -eq 0 ] && [ "$race" -eq 1 ] && [ "$accepted" -eq 0 ]
echo "package smoke test: OK"
