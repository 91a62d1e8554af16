#!/usr/bin/env bash
# Try the cluster profile on one machine: a redis-server, a nats-server with JetStream and N silos, all on
# loopback, their logs and data in one folder. Ctrl-C stops everything. Needs redis-server and
# nats-server >= 2.10 (sudo bash .ci/install-services) and the .NET SDK.
#
#   deploy/run-local-cluster.sh                 # two silos, redis on 6379, nats on 4222
#   SILOS=3 REDIS_PORT=6380 NATS_PORT=4223 SILO_PORT=12111 GATEWAY_PORT=31000 deploy/run-local-cluster.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
silos=${SILOS:-2}
redis_port=${REDIS_PORT:-6379}
nats_port=${NATS_PORT:-4222}
silo_port=${SILO_PORT:-11111}       # silo i listens on silo_port + i - 1
gateway_port=${GATEWAY_PORT:-30000} # and gateway_port + i - 1
dir=${STREAM_CLUSTER_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/stream-cluster.XXXXXX")}
mkdir -p "$dir"

pids=()
stop() {
    echo "stopping (logs and data stay in $dir)"
    # Silos first (they leave the cluster gracefully on SIGTERM), then the services they use.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill -TERM "${pids[i]}" 2>/dev/null || true
        wait "${pids[i]}" 2>/dev/null || true
    done
}
trap stop EXIT
trap 'exit 130' INT TERM

wait_for_port() { # name port
    local deadline=$((SECONDS + 30))
    until (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; do
        ((SECONDS < deadline)) || { echo "$1 did not listen on $2 within 30 s; see $dir" >&2; exit 1; }
        sleep 0.2
    done
}

for binary in redis-server nats-server; do
    command -v "$binary" >/dev/null || { echo "$binary not found: sudo bash $root/.ci/install-services" >&2; exit 1; }
done

# Durable as in deploy/README.md: every Redis write and every JetStream message on disk before it is acknowledged.
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir" --appendonly yes --appendfsync always --daemonize no >"$dir/redis.log" 2>&1 &
pids+=($!)
cat >"$dir/nats.conf" <<NATS
listen: 127.0.0.1:$nats_port
jetstream { store_dir: "$dir/jetstream", sync_interval: always }
NATS
nats-server -c "$dir/nats.conf" >"$dir/nats.log" 2>&1 &
pids+=($!)
wait_for_port redis-server "$redis_port"
wait_for_port nats-server "$nats_port"

dotnet build "$root/src/Silo/StreamPredictor.Silo.csproj" -c Release -v quiet -nologo >"$dir/build.log" 2>&1 ||
    { echo "build failed; see $dir/build.log" >&2; exit 1; }
silo_dll="$root/src/Silo/bin/Release/net10.0/StreamPredictor.Silo.dll"

export Stream__Silo__Profile=cluster
export Stream__Silo__Redis="127.0.0.1:$redis_port"
export Stream__Silo__NatsUrl="nats://127.0.0.1:$nats_port"
export Orleans__ClusterId=local Orleans__ServiceId=stream Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1
for ((i = 1; i <= silos; i++)); do
    dotnet "$silo_dll" --Stream:Silo:SiloPort=$((silo_port + i - 1)) --Stream:Silo:GatewayPort=$((gateway_port + i - 1)) >"$dir/silo$i.log" 2>&1 &
    pids+=($!)
done
for ((i = 1; i <= silos; i++)); do
    wait_for_port "silo $i" $((gateway_port + i - 1))
done

cat <<INFO
cluster up: $silos silos (gateways $gateway_port..$((gateway_port + silos - 1))), redis 127.0.0.1:$redis_port, nats 127.0.0.1:$nats_port
clients: UseStreamCluster("127.0.0.1:$redis_port", "nats://127.0.0.1:$nats_port") with Orleans:ClusterId=local, Orleans:ServiceId=stream
logs:    $dir
Ctrl-C stops it.
INFO
wait -n "${pids[@]}" || true
echo "a process of the cluster exited; see $dir" >&2
exit 1
