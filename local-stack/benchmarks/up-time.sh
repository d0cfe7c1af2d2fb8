#!/usr/bin/env bash
# Measures cold and warm `./cdp up --servers` and each server's resident memory, on a stack of its own
# (own data directory and ports, so a running ./cdp up is not disturbed). Results go to docs/benchmarks.md by hand.
#
#   local-stack/benchmarks/up-time.sh [warm runs, default 3]
#
# cold = empty data directory: unpack Trino and Keycloak, initdb, format Kafka, Keycloak's first build step.
# warm = every server stopped with ./cdp down, data kept.
# (The Maven download of the distributions on a fresh machine is not included: it depends on the network.)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
export CDP_DATA_DIR="${CDP_BENCH_DATA_DIR:-/tmp/cdp-up-benchmark}"
export CDP_POSTGRES_PORT=25432 CDP_MARIADB_PORT=23306 CDP_KAFKA_PORT=29092 CDP_KAFKA_CONTROLLER_PORT=29093 \
  CDP_TRINO_PORT=28080 CDP_KEYCLOAK_PORT=28180 CDP_KEYCLOAK_MANAGEMENT_PORT=28190 CDP_SMTP_PORT=23025 CDP_MAIL_API_PORT=28025

seconds() { awk '/^Up in/ {print $3}'; }

./cdp down >/dev/null 2>&1 || true
rm -rf "$CDP_DATA_DIR"
echo "cold: $(./cdp up --servers | tee /tmp/cdp-up-cold.txt | seconds) s"
for i in $(seq 1 "$runs"); do
  ./cdp down >/dev/null
  echo "warm $i: $(./cdp up --servers | tee /tmp/cdp-up-warm.txt | seconds) s"
done
echo
echo "resident memory after the last warm start:"
./cdp status | awk '/healthy/ {printf "  %-12s %s %s\n", $1, $5, $6}'
./cdp down >/dev/null
leftovers="$(pgrep -f -- "$CDP_DATA_DIR" || true)"
echo "processes left after down: ${leftovers:-none}"
