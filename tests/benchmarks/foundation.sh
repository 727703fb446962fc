#!/usr/bin/env bash
# Foundation figures (issue 2): demo generation time and peak memory (100,000 and 1,000,000 residents),
# first sync of 100,000 residents on SQLite and on PostgreSQL, and the demo's startup time (process start to
# /healthz answering, build excluded). Prints one table. Usage: tests/benchmarks/foundation.sh [workdir]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d /tmp/hub-bench-XXXX)}
mkdir -p "$work"
dotnet build "$repo/src/Hub.Api" -c Release -v q -nologo >/dev/null
hub="$repo/src/Hub.Api/bin/Release/net10.0/hub.dll"
rows=()
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
  read -r secs kb <"$work/time.txt"
  rows+=("$(printf '| %-52s | %8.1f s | %7d MB |' "$label" "$secs" $((kb / 1024)))")
}

measure "demo generate --residents 100000" dotnet "$hub" demo generate --residents 100000 --seed 1 --out "$work/city100k"
measure "demo generate --residents 1000000" dotnet "$hub" demo generate --residents 1000000 --seed 1 --out "$work/city1m"
file="$work/city100k/resident-registry/residents.csv"
n=$(($(wc -l <"$file") - 1))

mkdir -p "$work/sqlite"
pushd "$work/sqlite" >/dev/null
measure "first sync, $n rows, SQLite" dotnet "$hub" sync run --source resident-registry "--Hub:Sources:resident-registry:Options:FilePath=$file"
popd >/dev/null

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdir="$work/pg"; mkdir -p "$pgdir"
as=(); if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; as=(runuser -u postgres --); fi
"${as[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
port=$((20000 + RANDOM % 20000))
"${as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" -l "$pgdir/log" -w start >/dev/null
trap '"${as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true' EXIT
measure "first sync, $n rows, PostgreSQL" dotnet "$hub" sync run --source resident-registry "--Hub:Sources:resident-registry:Options:FilePath=$file" \
  --Database:Provider=PostgreSql "--Database:ConnectionString=Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

# Startup of the demo: empty folder, 10,000-resident city generated and synced, until /healthz answers.
mkdir -p "$work/startup"; cd "$work/startup"
start=$(date +%s.%N)
ASPNETCORE_ENVIRONMENT=Development dotnet "$hub" --Urls=http://127.0.0.1:5099 >"$work/startup.out" 2>"$work/startup.err" &
pid=$!
until curl -sf http://127.0.0.1:5099/healthz >/dev/null; do sleep 0.2; kill -0 $pid 2>/dev/null || { cat "$work/startup.err" >&2; exit 1; }; done
end=$(date +%s.%N)
kill $pid; wait $pid 2>/dev/null || true
rows+=("$(printf '| %-52s | %8.1f s | %10s |' "demo startup (empty database → /healthz)" "$(echo "$end - $start" | bc)" "")")

echo "| what | time | peak RSS |"
echo "| --- | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo "(machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ))"
