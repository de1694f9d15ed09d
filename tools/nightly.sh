#!/usr/bin/env bash
# The nightly exploration, for any CI system (.github/workflows/nightly.yml runs the same steps).
#
#   tools/nightly.sh run K/N [OUT]   explore slice K of N of every test of tools/nightly.tests
#                                    (one machine per slice); reports, JUnit and traces under OUT/shard-K
#   tools/nightly.sh coyote [OUT]    the same workloads under Microsoft Coyote's own CLI (dotnet tool restore,
#                                    coyote rewrite, coyote test of every tools/ScheduleExplorer.CoyoteEntries
#                                    entry); Coyote's logs and traces under OUT/coyote
#   tools/nightly.sh merge [OUT]     merge the slices of every test (OUT/shard-*) into OUT/merged:
#                                    one report and one JUnit file per test, as one machine would have
#                                    written them, and OUT/merged/junit.xml with every test
#
# Budgets without code changes: SCHEDEX_ITERATIONS (default 100000), SCHEDEX_STRATEGY (pct),
# SCHEDEX_TIME_BUDGET (seconds per test and slice, default 1800), SCHEDEX_SEED (0),
# SCHEDEX_TESTS (the test list, default tools/nightly.tests).
# Exit code: 0 no bug anywhere, 1 a bug found, 3 could not test, 2 bad input.
set -uo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
iterations=${SCHEDEX_ITERATIONS:-100000}
strategy=${SCHEDEX_STRATEGY:-pct}
budget=${SCHEDEX_TIME_BUDGET:-1800}
seed=${SCHEDEX_SEED:-0}
tests=${SCHEDEX_TESTS:-tools/nightly.tests}
configuration=${SCHEDEX_CONFIGURATION:-Release}
cli=tools/ScheduleExplorer.Cli/bin/$configuration/net10.0/schedex.dll
export WORKLOADS=tools/ScheduleExplorer.Cli/bin/$configuration/net10.0/ScheduleExplorer.Workloads.dll

usage() { echo "usage: tools/nightly.sh run K/N [OUT] | coyote [OUT] | merge [OUT]" >&2; exit 2; }
schedex() { dotnet "$cli" "$@"; }
worst=0
note() { # keeps the most severe exit code: 2 (bad input) > 1 (bug) > 3 (could not test) > 0
  case "$1" in
    2) worst=2 ;;
    1) [ "$worst" -ne 2 ] && worst=1 ;;
    3) [ "$worst" -eq 0 ] && worst=3 ;;
  esac
}

# "LostUpdate.Locked" -> "LostUpdate.Locked"; "X.Y(3, 1)" -> "X.Y_3_1": a file name per test.
slug() { echo "$1" | tr -c 'A-Za-z0-9._\n-' '_'; }

case "$mode" in
  run)
    shard=${2:-}; out=${3:-nightly}
    [[ "$shard" =~ ^[0-9]+/[0-9]+$ ]] || usage
    k=${shard%/*}
    dotnet build tools/ScheduleExplorer.Cli -c "$configuration" -v quiet -nologo || exit 2
    dir="$out/shard-$k"; mkdir -p "$dir"
    while read -r assembly method extra; do
      [ -z "$assembly" ] || [[ "$assembly" == \#* ]] && continue
      assembly=$(eval echo "$assembly")
      name=$(slug "$method")
      echo "nightly: $method, shard $shard, $iterations iterations of $strategy, at most ${budget}s"
      # shellcheck disable=SC2086 # extra options are split on purpose
      schedex test "$assembly" --method "$method" -i "$iterations" -s "$strategy" --seed "$seed" \
        --time-budget "$budget" --shard "$shard" -o "$dir/traces" \
        --report "$dir/$name.json" --junit "$dir/$name.xml" -v minimal $extra
      note $?
    done < "$tests"
    ;;
  coyote)
    # Coyote budgets: SCHEDEX_COYOTE_ITERATIONS (default 1000) and SCHEDEX_TIME_BUDGET seconds per entry.
    out=${2:-nightly}/coyote
    coyote_iterations=${SCHEDEX_COYOTE_ITERATIONS:-1000}
    dotnet tool restore >/dev/null || exit 2
    dotnet build tools/ScheduleExplorer.CoyoteEntries -c "$configuration" -v quiet -nologo || exit 2
    mkdir -p "$out" && out=$(cd "$out" && pwd)
    printf '{ "AssembliesPath": "%s", "OutputPath": "%s", "Assemblies": [ "ScheduleExplorer.Workloads.dll", "ScheduleExplorer.CoyoteEntries.dll" ] }\n' \
      "$PWD/tools/ScheduleExplorer.CoyoteEntries/bin/$configuration/net10.0" "$out/rewritten" > "$out/coyote.json"
    dotnet coyote rewrite "$out/coyote.json" > "$out/rewrite.log" 2>&1 || { cat "$out/rewrite.log" >&2; exit 2; }
    # entry, then its options: plain-field races need Coyote's opt-in.
    while read -r method options; do
      echo "nightly: $method under coyote, $coyote_iterations iterations, at most ${budget}s"
      # shellcheck disable=SC2086 # options are split on purpose
      dotnet coyote test "$out/rewritten/ScheduleExplorer.CoyoteEntries.dll" -m "$method" -i "$coyote_iterations" \
        -t "$budget" --seed "$seed" -o "$out/$method" $options > "$out/$method.log" 2>&1
      status=$?
      case "$status" in
        0) echo "nightly: $method: no bug under coyote" ;;
        2) echo "nightly: $method: bug under coyote ($(grep -m1 -o 'Iteration #[0-9]* found bug' "$out/$method.log"))"; note 1 ;;
        *) echo "nightly: $method: coyote exited $status, see $out/$method.log" >&2; note 2 ;;
      esac
    done <<'ENTRIES'
LostUpdateUnsynchronized --enable-memory-access-races
LostUpdateLocked --enable-memory-access-races
LostUpdateInterlocked --enable-memory-access-races
DiningPhilosophersLeftThenRight
DiningPhilosophersOrderedForks
AsyncLostUpdateAcrossAwait
AsyncLostUpdateAcrossAwaitLocked
AsyncPhilosophersLeftThenRight
AsyncPhilosophersOrderedForks
ENTRIES
    ;;
  merge)
    out=${2:-nightly}
    [ -d "$out" ] || usage
    dotnet build tools/ScheduleExplorer.Cli -c "$configuration" -v quiet -nologo || exit 2
    mkdir -p "$out/merged"
    for first in "$out"/shard-1/*.json; do
      [ -e "$first" ] || { echo "nightly: no report under $out/shard-1" >&2; exit 2; }
      name=$(basename "$first" .json)
      schedex merge "$out"/shard-*/"$name.json" --report "$out/merged/$name.json" --junit "$out/merged/$name.xml"
      note $?
    done
    # One JUnit file with every test, for the CI's test report.
    {
      echo '<?xml version="1.0" encoding="utf-8"?>'
      echo '<testsuites>'
      for f in "$out"/merged/*.xml; do
        [ "$(basename "$f")" = junit.xml ] && continue
        sed -n '/<testsuite /,/<\/testsuite>/p' "$f"
      done
      echo '</testsuites>'
    } > "$out/merged/junit.xml"
    ;;
  *) usage ;;
esac
exit "$worst"
