#!/usr/bin/env bash
# Runs the PII vault benchmarks from the built module (./mvnw -pl consent-and-pii/pii-vault-benchmarks -am install).
#   run-benchmarks.sh [JMH options]       e.g. run-benchmarks.sh FieldEncryptionBenchmark -p size=32
#   run-benchmarks.sh size [subjects]     key store size per subject (default 1,000,000 subjects)
#   run-benchmarks.sh propagation [n]     time until another process reads a shredded value as erased
#   run-benchmarks.sh per-core            warm encrypt/decrypt per CPU-second (robust on a busy machine)
#   run-benchmarks.sh batch [rounds] [sizes]  merge vs mergeAll, first use vs createKeys vs prepareKeys per batch
# Benchmarks that need PostgreSQL or Kafka use the running ./cdp up stack, or start a private one.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
module=consent-and-pii/pii-vault-benchmarks
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
if [[ ! -f "$module/target/benchmark.classpath" ]]; then
  echo "Build first: ./mvnw -q -B -pl $module -am install -DskipTests" >&2
  exit 1
fi
classpath="$module/target/classes:$(cat "$module/target/benchmark.classpath")"
flags=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dcdp.home="$root")
if [[ "${1:-}" == "size" ]]; then
  shift
  exec "$java" "${flags[@]}" -cp "$classpath" com.monstermart.cdp.pii.vault.benchmarks.KeyStoreSizeHarness "$@"
fi
if [[ "${1:-}" == "per-core" ]]; then
  shift
  exec "$java" "${flags[@]}" -cp "$classpath" com.monstermart.cdp.pii.vault.benchmarks.PerCoreThroughputHarness "$@"
fi
if [[ "${1:-}" == "batch" ]]; then
  shift
  exec "$java" "${flags[@]}" -cp "$classpath" com.monstermart.cdp.pii.vault.benchmarks.BatchPathsHarness "$@"
fi
if [[ "${1:-}" == "propagation" ]]; then
  shift
  exec "$java" "${flags[@]}" -cp "$classpath" com.monstermart.cdp.pii.vault.benchmarks.ShredPropagationHarness "$@"
fi
exec "$java" "${flags[@]}" -cp "$classpath" org.openjdk.jmh.Main -jvmArgsAppend "-Dcdp.home=$root" "$@"
