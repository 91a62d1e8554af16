#!/usr/bin/env bash
# Refreshes the charting library the web page vendors (src/Api/wwwroot/vendor/uplot) from npm: the pinned version's
# package, checked by npm against the registry's integrity hash, then the two files the page loads and the license.
# Run it only to change the version; the build and the page never need npm.
set -euo pipefail
cd "$(dirname "$0")"
version=1.6.32
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "uplot@$version" >/dev/null && tar xzf "uplot-$version.tgz")
target=wwwroot/vendor/uplot
mkdir -p "$target"
cp "$work/package/dist/uPlot.iife.min.js" "$work/package/dist/uPlot.min.css" "$work/package/LICENSE" "$target/"
head -c 60 "$target/uPlot.iife.min.js"; echo
sha256sum "$target"/*
