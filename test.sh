#!/usr/bin/env bash
# The test command, for people and CI alike: obtains what the tests need, then runs
#   dotnet test StreamPredictor.sln -c Release [ARGS...]
# on a fresh Debian 12 with only the .NET SDK, without root.
#
#   bash test.sh                                     everything
#   bash test.sh --filter FullyQualifiedName~Cluster   any dotnet test arguments
#   bash test.sh --provision-only                    obtain the needs and print where they are
#
# A need is a program the tests start themselves. Each is taken, in this order, from the environment variable
# the tests read (STREAM_REDIS_SERVER, ...), from PATH or the sbin folders, from the cache, or else fetched as
# Debian packages without root: `apt-get download` with a private apt configuration (its own package lists,
# bookworm plus trixie pinned low) and `dpkg -x` into the cache, ~/.cache/stream-test-services (or
# $STREAM_TEST_CACHE), with a wrapper that points the program at the libraries unpacked beside it. Nothing is
# installed on the system and no daemon is started: the tests start their own processes on free loopback ports.
#
# Add a new need in needs() below, and have the tests read the environment variable it exports.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CACHE=${STREAM_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stream-test-services}

needs() {
    #       program       variable the tests read  check        Debian packages holding it (and its libraries)
    provide redis-server  STREAM_REDIS_SERVER      runs         redis-server redis-tools
    # Debian 12's nats-server 2.9 lacks the JetStream subject transforms the Orleans NATS provider uses
    # (messages are stored and never delivered, silently); trixie's 2.10 is a static binary that runs on 12.
    provide nats-server   STREAM_NATS_SERVER       nats_2_10    nats-server/trixie
    # The web page's browser tests drive headless Chromium through its WebDriver (chromium-common: its data files).
    provide chromium      STREAM_CHROMIUM          runs         chromium chromium-common
    provide chromedriver  STREAM_CHROMEDRIVER      runs         chromium-driver
}

# ---------------------------------------------------------------------------------------------------------

say() { echo "test.sh: $*" >&2; }
die() { say "$*"; exit 1; }

runs() { "$1" --version >/dev/null 2>&1; }

nats_2_10() {
    local version major minor
    version=$("$1" --version 2>/dev/null | sed -n 's/.*v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
    read -r major minor <<<"$version"
    [[ -n "${major:-}" ]] && (( major > 2 || (major == 2 && minor >= 10) ))
}

# provide PROGRAM VARIABLE CHECK PACKAGE...: exports VARIABLE as the path of a PROGRAM that passes CHECK.
provide() {
    local program=$1 variable=$2 check=$3
    shift 3
    local candidate folder
    local -a candidates=()
    [[ -n "${!variable:-}" ]] && candidates+=("${!variable}")
    candidate=$(command -v "$program" 2>/dev/null || true)
    [[ -n "$candidate" ]] && candidates+=("$candidate")
    for folder in /usr/local/sbin /usr/sbin /sbin; do candidates+=("$folder/$program"); done
    candidates+=("$CACHE/bin/$program")
    for candidate in "${candidates[@]}"; do
        if [[ -x "$candidate" ]] && "$check" "$candidate"; then
            export "$variable=$candidate"
            PROVIDED+=("$variable=$candidate")
            return
        fi
    done

    [[ -n "${!variable:-}" ]] && die "$variable=${!variable} does not pass the check '$check'"
    fetch "$program" "$@"
    "$check" "$CACHE/bin/$program" || die "$CACHE/bin/$program, fetched from ${*}, does not pass the check '$check': $("$CACHE/bin/$program" --version 2>&1 | head -3)"
    export "$variable=$CACHE/bin/$program"
    PROVIDED+=("$variable=$CACHE/bin/$program")
}

# fetch PROGRAM PACKAGE...: unpacks the packages, and those of their dependencies this system lacks, into the
# cache, and writes the wrapper $CACHE/bin/PROGRAM.
fetch() {
    local program=$1
    shift
    command -v apt-get >/dev/null && command -v dpkg >/dev/null \
        || die "$program is not installed and this is not a Debian system to fetch it on; install it, or set its variable"
    mkdir -p "$CACHE"
    exec 9>"$CACHE/.lock"
    flock 9
    if [[ -x "$CACHE/bin/$program" ]] && "$CACHE/bin/$program" --version >/dev/null 2>&1; then
        flock -u 9
        return
    fi

    say "fetching $program from Debian packages: $* (into $CACHE)"
    private_apt
    local work="$CACHE/tmp.$$" root="$CACHE/root/$program"
    rm -rf "$work" "$root"
    mkdir -p "$work/debs" "$root"
    # The named packages, and whatever else installing them would bring on this system, at the versions apt
    # would choose (the simulation runs fine without root).
    local -a wanted=("$@")
    local line named
    named=" $(printf '%s ' "${@%%/*}")"
    # Never the C library itself: one unpacked beside a program would not match the system's loader.
    named+="libc6 libc-bin "
    local simulation
    simulation=$(apt-get "${APT[@]}" -s install --no-install-recommends "$@" 2>&1) \
        || die "apt-get could not work out what $* need on this system: $(tail -5 <<<"$simulation")"
    while read -r line; do
        [[ "$named" == *" ${line%%=*} "* ]] || wanted+=("$line")
    done < <(awk '$1 == "Inst" { gsub(/[()]/, "", $3); print $2 "=" $3 }' <<<"$simulation")
    (cd "$work/debs" && apt-get "${APT[@]}" download "${wanted[@]}" >/dev/null) \
        || die "apt-get download ${wanted[*]} failed"
    local deb
    for deb in "$work/debs"/*.deb; do
        dpkg -x "$deb" "$root"
    done

    # usr/lib/PROGRAM/PROGRAM first: where Debian puts a program whose usr/bin entry is a launcher script with that
    # folder written in (chromium), which would not find the program unpacked elsewhere.
    local binary=""
    for folder in "usr/lib/$program" usr/bin usr/sbin bin sbin; do
        if [[ -e "$root/$folder/$program" ]]; then binary="$root/$folder/$program"; break; fi
    done
    [[ -n "$binary" ]] || die "no $program in the packages $*"
    mkdir -p "$CACHE/bin"
    local libraries
    libraries=$(find "$root" -maxdepth 3 -type d -path '*/lib/*-linux-gnu' | sort | paste -sd: -)
    cat >"$work/$program" <<EOF
#!/bin/sh
# Written by test.sh: runs $program unpacked from Debian packages ($*), with the libraries unpacked beside it.
LD_LIBRARY_PATH="$libraries\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$binary" "\$@"
EOF
    chmod +x "$work/$program"
    mv "$work/$program" "$CACHE/bin/$program"
    rm -rf "$work"
    flock -u 9
}

# An apt configuration of its own under the cache (lists, archives, sources, pins), usable without root; sets
# APT. This release's suites (with updates and security) come first whatever is installed; trixie only on request.
private_apt() {
    [[ -n "${APT+set}" ]] && return
    local dir="$CACHE/apt"
    mkdir -p "$dir/lists/partial" "$dir/archives/partial" "$dir/cache" "$dir/sources.list.d" "$dir/preferences.d"
    local release mirror security
    release=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
    release=${release:-bookworm}
    mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1 || true)
    [[ -n "$mirror" ]] || mirror=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }' /etc/apt/sources.list 2>/dev/null || true)
    [[ -n "$mirror" ]] || mirror=http://deb.debian.org/debian
    security=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep security | head -1 || true)
    [[ -n "$security" ]] || security=http://deb.debian.org/debian-security
    cat >"$dir/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $release $release-updates trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $release-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    rm -f "$dir/preferences.d/"*
    cat >"$dir/preferences.d/pins" <<EOF
# Packages come from $release (updates, security) even where another version is installed; from trixie only
# when asked for by name (nats-server/trixie).
Package: *
Pin: release n=$release
Pin-Priority: 990

Package: *
Pin: release n=$release-updates
Pin-Priority: 990

Package: *
Pin: release n=$release-security
Pin-Priority: 990

Package: *
Pin: release n=trixie
Pin-Priority: 100
EOF
    APT=(-q
        -o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$dir/sources.list.d"
        -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$dir/preferences.d"
        -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" -o "Dir::Cache::Archives=$dir/archives"
        -o "Debug::NoLocking=1" -o "APT::Sandbox::User=$(id -un)")
    apt-get "${APT[@]}" update >/dev/null || die "apt-get update (private lists in $dir) failed"
}

PROVIDED=()
needs
for need in "${PROVIDED[@]}"; do
    say "$need ($("${need#*=}" --version 2>&1 | head -1))"
done
if [[ "${1:-}" == "--provision-only" ]]; then
    exit 0
fi

exec dotnet test StreamPredictor.sln -c Release "$@"
