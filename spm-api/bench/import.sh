#!/usr/bin/env bash
# Import benchmark (issue 4): a generated 1,000,000-row CSV and a 200,000-row xlsx (layout
# ekohort-anc, 20 columns, no bad rows) uploaded to a running service on the embedded PostgreSQL,
# timed from upload to DONE; beside each, the same rows loaded with PostgreSQL COPY (psql \copy into
# an unlogged table of text columns: the physical reference). Prints rows/s and the service's peak
# resident memory (VmHWM).
#
#   spm-api/bench/import.sh                       # 1,000,000 CSV rows, 200,000 xlsx rows
#   ROWS=100000 XROWS=20000 spm-api/bench/import.sh   # a quick run
#   HEAP=1g SKIP_BUILD=1 spm-api/bench/import.sh
#
# Needs: a JDK, curl, jq, psql. Works in a throwaway folder (WORK, default a new temp dir).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1000000}
XROWS=${XROWS:-200000}
HEAP=${HEAP:-1g}
PORT=${PORT:-18080}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  # No embedded database during the build, so none of its settings are recorded into the jar.
  ./mvnw -q -pl spm-api -am package -DskipTests -Dspm.embedded.database=false -Dspm.embedded.keys=false
fi
GEN=$(ls spm-sample/target/spm-sample-*-cli.jar | head -1)
APP=spm-api/target/quarkus-app/quarkus-run.jar

echo "== generating into $WORK"
java -jar "$GEN" generate --out "$WORK/csv" --rows "$ROWS" --bad-share 0 --format csv --layout ekohort-anc --layout puskesmas >/dev/null
# Another year, so the xlsx is a new scope and does not replace what the CSV imported.
java -jar "$GEN" generate --out "$WORK/xlsx" --rows "$XROWS" --bad-share 0 --format xlsx --layout ekohort-anc --year 2024 >/dev/null
ls -l "$WORK"/csv/ekohort-anc.csv "$WORK"/xlsx/ekohort-anc.xlsx

echo "== starting the service (-Xmx$HEAP, embedded PostgreSQL in $WORK/data)"
SPM_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=600M \
  java -Xmx"$HEAP" -jar "$APP" >"$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null && break
  sleep 1
done
TOKEN=$(grep -A1 "Local admin token" "$WORK/service.log" | tail -1 | tr -d '[:space:]')
PGPORT=$(grep -o "Embedded PostgreSQL [a-z]* on port [0-9]*" "$WORK/service.log" | grep -o "[0-9]*$")
API="http://localhost:$PORT/api/v1/imports"

# Uploads a file, waits for the job, prints "seconds rowsRead phase".
import() {
  local file=$1 start end id job
  start=$(date +%s.%N)
  id=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$file" "$API" | jq -r .id)
  while :; do
    job=$(curl -sf -H "Authorization: Bearer $TOKEN" "$API/$id")
    case $(jq -r .phase <<<"$job") in DONE|FAILED|REFUSED) break ;; esac
    sleep 0.2
  done
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $(jq -r .summary.rowsRead <<<"$job") $(jq -r .phase <<<"$job") $(jq -r .summary.created <<<"$job")"
}

# COPY of the same rows (below the header) into an unlogged table of text columns; prints seconds.
copy_reference() {
  local csv=$1 rows=$2 cols
  cols=$(grep -m1 "^NIK" "$csv" | tr ';' '\n' | wc -l)
  psql -qAt -h localhost -p "$PGPORT" -U postgres -d postgres -c "drop table if exists bench_raw" \
    -c "create unlogged table bench_raw ($(seq -s, -f 'c%g text' 1 "$cols"))" >/dev/null
  sed -n '/^NIK/,$p' "$csv" | tail -n +2 | head -n "$rows" >"$WORK/rows.csv"
  local start end
  start=$(date +%s.%N)
  psql -qAt -h localhost -p "$PGPORT" -U postgres -d postgres \
    -c "\\copy bench_raw from '$WORK/rows.csv' with (format csv, delimiter ';')" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

echo "== registering the generated Puskesmas"
import "$WORK/csv/puskesmas.csv" >/dev/null

report() {
  local name=$1 res=$2 copy=$3 secs rows
  secs=${res%% *}; rows=$(cut -d' ' -f2 <<<"$res")
  printf '%-28s %9d rows %7.1f s %9.0f rows/s   COPY %6.1f s %9.0f rows/s   service/COPY %3.0f %%   phase %s created %s\n' \
    "$name" "$rows" "$secs" "$(echo "$rows / $secs" | bc -l)" "$copy" "$(echo "$rows / $copy" | bc -l)" \
    "$(echo "100 * $copy / $secs" | bc -l)" "$(cut -d' ' -f3 <<<"$res")" "$(cut -d' ' -f4 <<<"$res")"
}

echo "== importing"
CSV_RES=$(import "$WORK/csv/ekohort-anc.csv")
CSV_HWM=$(grep VmHWM /proc/$PID/status | awk '{print $2/1024 " MB"}')
CSV_COPY=$(copy_reference "$WORK/csv/ekohort-anc.csv" "$ROWS")
report "CSV ekohort-anc" "$CSV_RES" "$CSV_COPY"
echo "   service peak RSS after the CSV: $CSV_HWM (heap limit $HEAP)"
XLSX_RES=$(import "$WORK/xlsx/ekohort-anc.xlsx")
XLSX_HWM=$(grep VmHWM /proc/$PID/status | awk '{print $2/1024 " MB"}')
XLSX_COPY=$(copy_reference "$WORK/csv/ekohort-anc.csv" "$XROWS")
report "xlsx ekohort-anc" "$XLSX_RES" "$XLSX_COPY"
echo "   service peak RSS after the xlsx: $XLSX_HWM (heap limit $HEAP)"
