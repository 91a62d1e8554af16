#!/usr/bin/env bash
# Publishes the silo and the stream command the way the container images are built, so CI and the
# Dockerfiles run the same steps. The TorchSharp fix for Debian 12 (build/TorchSharpNativeFix.targets) is
# applied to the published copy by the build itself, and checked here.
#
#   deploy/build/publish.sh OUT [silo|cli|all] [--gpu]
#
# --gpu builds the silo against TorchSharp's CUDA libtorch package (-p:TorchSharpCuda=true) instead of the CPU
# one. That package (libtorch-cuda-12.8-linux-x64) is not served by this project's package source, so the GPU
# build has not been run here and is not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=${1:?usage: deploy/build/publish.sh OUT [silo|cli|all] [--gpu]}
what=${2:-all}
gpu=false
[[ "${3:-}" == "--gpu" ]] && gpu=true

publish() { # project folder
    dotnet publish "src/$1" -c Release -o "$out/$2" -p:TorchSharpCuda=$gpu --nologo -v quiet
    # The native TorchSharp library must carry the weakened GLIBCXX_3.4.32 requirement (one byte differs).
    local native="$out/$2/runtimes/linux-x64/native/libLibTorchSharp.so"
    [[ -f "$native" ]] || native="$out/$2/libLibTorchSharp.so"
    if [[ -f "$native" ]] && command -v readelf >/dev/null; then
        if readelf -V "$native" | grep 'Name: GLIBCXX_3.4.32' | grep -qv 'WEAK'; then
            echo "publish: $native still requires GLIBCXX_3.4.32 strongly (TorchSharp fix not applied)" >&2
            exit 1
        fi
    fi
}

case "$what" in
    silo) publish Silo silo ;;
    cli) publish Cli cli ;;
    all) publish Silo silo; publish Cli cli ;;
    *) echo "publish: unknown target '$what' (silo, cli or all)" >&2; exit 2 ;;
esac
echo "published $what to $out (gpu: $gpu)"
