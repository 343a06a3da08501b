#!/usr/bin/env bash
# GPU check: runs the schedule graph tests on ND4J's CUDA backend and prints the backend and device they ran
# on. That is schedules-core's tests (scalar/table/graph agreement, parity traces, the jqwik property test,
# big steps, graph size, save/load) and schedules-samediff's (global step, in-graph Sgd/Nesterovs/Adam
# against DL4J's host updater, save and resume), all with nd4j-cuda-11.6-platform instead of the CPU
# backend. -Dsched4j.expectBackend=CUDA makes BackendReportTest fail if ND4J fell back to another backend.
#
# Needs: an NVIDIA GPU with a driver for CUDA 11.6, JDK 17, Maven, network for the first run (~600 MB of
# CUDA jars). Usage: scripts/gpu-check.sh [extra mvn arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
else
  echo "gpu-check: nvidia-smi not found; the CUDA backend will not find a device" >&2
fi

mvn -B -Pcuda test -pl modules/schedules-samediff -am -Dsched4j.expectBackend=CUDA "$@"

echo "--- ND4J backend the graph tests ran on (modules/schedules-samediff/target/nd4j-backend.txt)"
cat modules/schedules-samediff/target/nd4j-backend.txt
