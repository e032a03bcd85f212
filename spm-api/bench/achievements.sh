#!/usr/bin/env bash
# Load benchmark of GET /api/v1/achievements on the demo district (cached path).
#
#   spm-api/bench/achievements.sh [BASE_URL] [TOKEN]
#
# BASE_URL defaults to http://localhost:8080; TOKEN to the local admin token read from the log file
# given by $SPM_LOG (the service prints it at start). Needs wrk (Debian: apt-get install -y wrk).
# Settings: DURATION (default 30s), CONNECTIONS (32), THREADS (2), AREA (73.18), YEAR (2025).
# JDK-only alternative with the health reference measured in the same run (issue 13): ComputationBenchmark,
# see spm-api/BENCHMARK.md.
set -euo pipefail
BASE_URL="${1:-http://localhost:8080}"
TOKEN="${2:-${SPM_TOKEN:-}}"
if [[ -z "$TOKEN" && -n "${SPM_LOG:-}" ]]; then
  TOKEN="$(grep -A1 'Local admin token' "$SPM_LOG" | tail -1 | tr -d ' \r\n')"
fi
[[ -n "$TOKEN" ]] || { echo "usage: $0 BASE_URL TOKEN (or SPM_TOKEN / SPM_LOG)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
AREA="${AREA:-73.18}"; YEAR="${YEAR:-2025}"
URL="$BASE_URL/api/v1/achievements?area=$AREA&year=$YEAR"

# Warm up: the first request computes the district-year and caches it.
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL")
[[ "$code" == 200 ]] || { echo "warm-up request answered $code (demo loaded? spm.demo.load=true)" >&2; exit 1; }

wrk -t "${THREADS:-2}" -c "${CONNECTIONS:-32}" -d "${DURATION:-30s}" --latency \
    -H "Authorization: Bearer $TOKEN" "$URL" | tee /tmp/spm-bench-wrk.txt
echo
awk '/Requests\/sec/ {print "requests/s: " $2} / 99%/ {print "p99 latency: " $2}' /tmp/spm-bench-wrk.txt
