#!/usr/bin/env bash
# Startup benchmark: the same ten-entity CRUD application on Retort and on Hibernate ORM (Quarkus, JVM mode,
# fast-jar, H2 in memory). For each, ROUNDS starts: the time from launching the JVM to the first successful
# HTTP request (GET /author, which queries the database), the resident memory (VmRSS) right after it, and
# the CPU time the process used until then.
# Prints the medians. Usage: bench/startup/run.sh [--no-build]   (ROUNDS=5 and PORT=18080 can be overridden)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${ROUNDS:-5}"
port="${PORT:-18080}"
url="http://127.0.0.1:$port/author"

if [[ "${1:-}" != "--no-build" ]]; then
  # One reactor with the extension's modules (bench/startup/pom.xml lists them): nothing is installed.
  "$root/mvnw" -B -q -f "$here/pom.xml" -DskipTests package
fi

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }

ticks_per_second=$(getconf CLK_TCK)

# One start: prints "<ms to first successful request> <VmRSS in KiB> <CPU ms used until then>". The CPU time
# (user + system, all threads) depends less than the wall time on what else the machine is running.
one_start() {
  local jar="$1" start pid rss cpu
  start=$(now_ms)
  java -Dquarkus.http.port="$port" -jar "$jar" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 6000); do    # at most 60 s
    if curl -fs -o /dev/null "$url" 2>/dev/null; then
      local elapsed=$(( $(now_ms) - start ))
      rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
      cpu=$(awk -v hz="$ticks_per_second" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$pid/stat")
      kill "$pid"; wait "$pid" 2>/dev/null || true
      echo "$elapsed $rss $cpu"
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the application exited before answering: java -jar $jar" >&2
      exit 1
    fi
    sleep 0.01
  done
  kill "$pid"; echo "no answer from $url within 60 s" >&2; exit 1
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A times rsses cpus
for app in retort hibernate; do
  one_start "$here/$app-app/target/quarkus-app/quarkus-run.jar" >/dev/null    # warm-up start (file caches), not counted
done
# The two applications take turns, so that a change in the machine's load falls on both alike.
for round in $(seq "$rounds"); do
  for app in retort hibernate; do
    read -r ms rss cpu < <(one_start "$here/$app-app/target/quarkus-app/quarkus-run.jar")
    times[$app]+="$ms "; rsses[$app]+="$rss "; cpus[$app]+="$cpu "
    echo "round $round $app: ${ms} ms, $(( rss / 1024 )) MiB, CPU ${cpu} ms" >&2
  done
done

printf '\n%-10s %6s %26s %22s %26s\n' "app" "starts" "first request ms" "RSS MiB" "CPU ms until then"
for app in retort hibernate; do
  read -ra ms_list <<< "${times[$app]}"; read -ra rss_list <<< "${rsses[$app]}"; read -ra cpu_list <<< "${cpus[$app]}"
  t_med=$(printf '%s\n' "${ms_list[@]}" | median)
  t_range="$(printf '%s\n' "${ms_list[@]}" | sort -n | head -1)-$(printf '%s\n' "${ms_list[@]}" | sort -n | tail -1)"
  r_med=$(printf '%s\n' "${rss_list[@]}" | median)
  r_range="$(( $(printf '%s\n' "${rss_list[@]}" | sort -n | head -1) / 1024 ))-$(( $(printf '%s\n' "${rss_list[@]}" | sort -n | tail -1) / 1024 ))"
  c_med=$(printf '%s\n' "${cpu_list[@]}" | median)
  c_range="$(printf '%s\n' "${cpu_list[@]}" | sort -n | head -1)-$(printf '%s\n' "${cpu_list[@]}" | sort -n | tail -1)"
  printf '%-10s %6s %26s %22s %26s\n' "$app" "${#ms_list[@]}" "median $t_med ($t_range)" \
    "median $(( ${r_med%.*} / 1024 )) ($r_range)" "median $c_med ($c_range)"
done
