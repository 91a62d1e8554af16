# The Stream silo (cluster profile by default), built from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t stream-silo .
#   docker build -f deploy/docker/silo.Dockerfile --build-arg GPU=--gpu -t stream-silo-gpu .   # not built here: see deploy/README.md
# The build stage runs deploy/build/publish.sh, the same script CI runs; the build applies the TorchSharp
# native-library fix for Debian 12 (build/TorchSharpNativeFix.targets) to the published copy and the script checks it.
# .NET 10 images are Ubuntu 24.04 ("noble"); there are no Debian images for .NET 10.

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG GPU=
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends binutils && rm -rf /var/lib/apt/lists/*
# Restore first, from the project files alone, so a source change does not download packages again.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY build/ build/
COPY src/ src/
COPY deploy/build/ deploy/build/
RUN bash deploy/build/publish.sh /out silo $GPU

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble
WORKDIR /app
COPY --from=build /out/silo/ ./
ENV Stream__Silo__Profile=cluster \
    Stream__Silo__ListenAddress=0.0.0.0 \
    DOTNET_gcServer=1
# 11111 silo-to-silo, 30000 gateway, 8080 HTTP API (when Stream__Http__Enabled=true).
EXPOSE 11111 30000 8080
# The image's unprivileged user (uid 1654); the silo writes nothing but its logs to standard output.
USER $APP_UID
ENTRYPOINT ["dotnet", "StreamPredictor.Silo.dll"]
