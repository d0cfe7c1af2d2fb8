#!/usr/bin/env bash
# Benchmark harness: generates N customers end to end (files + PostgreSQL + MariaDB) into fresh databases
# bench_shop / bench_pos on the running stack (./cdp up), then drops them. Usage: run-benchmark.sh N [DAYS]
set -euo pipefail
cd "$(dirname "$0")/../.."
CUSTOMERS="${1:?customers}"
DAYS="${2:-30}"
OUT="${BENCH_DIR:-/tmp/demo-world-bench}/$CUSTOMERS"
PG="postgresql://cdp:cdp@127.0.0.1:15432"
psql -q "$PG/cdp" -c "DROP DATABASE IF EXISTS bench_shop WITH (FORCE)" -c "CREATE DATABASE bench_shop"
mariadb -h127.0.0.1 -P13306 -ucdp -pcdp -e "DROP DATABASE IF EXISTS bench_pos; CREATE DATABASE bench_pos CHARACTER SET utf8mb4"
rm -rf "$OUT"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v ./cdp generate --customers "$CUSTOMERS" --days "$DAYS" --seed 42 \
  --output "$OUT/out" --drop-dir "$OUT/drop" \
  --shop-url jdbc:postgresql://127.0.0.1:15432/bench_shop --pos-url jdbc:mariadb://127.0.0.1:13306/bench_pos \
  2> >(tr '\r' '\n' | grep -E "^(Generating|Calibrating|Writing|Elapsed|	(Elapsed|Maximum resident|User time|System time))|100%" >&2)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
du -sh "$OUT/out" "$OUT/drop"
psql -q "$PG/cdp" -c "DROP DATABASE IF EXISTS bench_shop WITH (FORCE)"
mariadb -h127.0.0.1 -P13306 -ucdp -pcdp -e "DROP DATABASE IF EXISTS bench_pos"
rm -rf "$OUT"
