# The stream command, built from the repository root:
#   docker build -f deploy/docker/cli.Dockerfile -t stream-cli .
#   docker run --rm -v "$PWD/data:/data:ro" stream-cli ingest /data/ticks.csv.gz --symbol BTCUSD --redis redis:6379 --nats nats://nats:4222
# Same build script as CI (deploy/build/publish.sh); the TorchSharp fix is applied by the build (backtest trains models).

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends binutils && rm -rf /var/lib/apt/lists/*
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY build/ build/
COPY src/ src/
COPY deploy/build/ deploy/build/
RUN bash deploy/build/publish.sh /out cli

FROM mcr.microsoft.com/dotnet/runtime:10.0-noble
WORKDIR /app
COPY --from=build /out/cli/ ./
USER $APP_UID
ENTRYPOINT ["dotnet", "stream.dll"]
