#!/usr/bin/env bash
# Runs the JMH suite: bash benchmarks/run.sh [quick|full] [extra JMH arguments...]
#   quick  one fork, short warmup and measurement (a few minutes): a smoke check of the ratios
#   full   the classes' own settings: 2 forks x 10 measured iterations (about 36 minutes on 2 cores)
# Builds benchmarks/target/benchmarks.jar first if it is missing (add -Pcuda to MAVEN_ARGS for the GPU
# backend); results go to benchmarks/results/<mode>-<time>.{json,txt}.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-quick}"
shift || true
jar=benchmarks/target/benchmarks.jar
if [[ ! -f "$jar" || -n "${REBUILD:-}" ]]; then
  mvn -B -q ${MAVEN_ARGS:-} -DskipTests package -pl benchmarks -am
fi
case "$mode" in
  quick) defaults=(-f 1 -wi 3 -w 1s -i 5 -r 1s) ;;
  full) defaults=() ;;
  *) echo "usage: bash benchmarks/run.sh [quick|full] [JMH arguments]" >&2; exit 2 ;;
esac
# A JMH option given on the command line replaces the mode's default (JMH refuses an option twice).
opts=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  given=no
  for arg in "$@"; do [[ "$arg" == "${defaults[k]}" ]] && given=yes; done
  [[ $given == no ]] && opts+=("${defaults[k]}" "${defaults[k+1]}")
done
mkdir -p benchmarks/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="benchmarks/results/$mode-$stamp"
java -jar "$jar" ${opts[@]+"${opts[@]}"} -rf json -rff "$out.json" "$@" 2>&1 | tee "$out.txt"
java -cp "$jar" org.sched4j.benchmarks.Ratios "$out.json" | tee -a "$out.txt"
