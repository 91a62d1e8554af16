#!/usr/bin/env bash
# Checks deploy/ on a machine without a Docker daemon or a Kubernetes cluster (this one, and CI):
#   1. the Kubernetes manifests render (kubectl kustomize) and every object passes its API schema (kubernetes-models);
#   2. the compose file parses and passes the compose schema (docker-compose config);
#   3. the Dockerfiles' build step, deploy/build/publish.sh, runs as it does in the images, and what it publishes
#      works: the stream command computes daily figures and trains a model (TorchSharp loads: the Debian 12 fix
#      is in the published copy), and the silo starts far enough to refuse a bad setting with one error line.
# Container images themselves are not built: no Docker daemon runs here. Needs root for the apt install of
# docker-compose when it is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

echo "deploy: kubernetes manifests"
(cd deploy/validate && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
for overlay in base gpu; do
    echo -n "  $overlay: "
    kubectl kustomize "deploy/kubernetes/$overlay" | node deploy/validate/check-manifests.mjs
done

echo "deploy: compose file"
if ! command -v docker-compose >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
docker-compose -f deploy/compose.yaml config -q
echo "  compose.yaml: valid"

echo "deploy: image build step (deploy/build/publish.sh), as in deploy/docker/*.Dockerfile"
# Two published copies with TorchSharp's native libraries take about 2 GB: say so plainly rather than let a full
# disk fail the publish halfway with a logger error.
free_mb=$(($(df -Pk "${TMPDIR:-/tmp}" | awk 'NR==2 {print $4}') / 1024))
if (( free_mb < 3072 )); then
    echo "deploy: ${TMPDIR:-/tmp} has only $free_mb MB free; the publish step needs about 3 GB (set TMPDIR to a larger disk)" >&2
    exit 1
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/stream-publish.XXXXXX")
trap 'rm -rf "$out"' EXIT
bash deploy/build/publish.sh "$out" all
data="$root/../shared/data"
dotnet "$out/cli/stream.dll" daily "$data/btcusd_1d_2011-2025.csv" --out "$out/daily.csv" 2>/dev/null
echo "  published stream daily: $(($(wc -l <"$out/daily.csv") - 1)) days"
dotnet "$out/cli/stream.dll" backtest "$data/btcusd_1d_2011-2025.csv" --models mlp-seed --epochs 1 --test-days 10 >/dev/null 2>&1 ||
    { echo "published stream backtest (TorchSharp) failed" >&2; exit 1; }
echo "  published stream backtest: TorchSharp trains"
set +e
message=$(Stream__Silo__ListenAddress=not-an-address dotnet "$out/silo/StreamPredictor.Silo.dll" 2>&1 >/dev/null)
status=$?
set -e
if [[ $status -ne 2 || "$message" != "stream-silo: error: "* ]]; then
    echo "published silo: expected one 'stream-silo: error:' line and exit code 2, got $status: $message" >&2
    exit 1
fi
echo "  published silo: refuses a bad setting ($message)"
