using System.CommandLine;

namespace Stream.Cli;

/// <summary>The options every command that talks to a cluster takes: where it is, or to host one in-process.</summary>
public sealed class ClusterOptions
{
    public Option<string> Gateway { get; } = new("--gateway")
    {
        Description = "Gateway of a running silo, HOST:PORT.",
        DefaultValueFactory = _ => "localhost:30000",
    };

    public Option<bool> Embedded { get; } = new("--embedded")
    {
        Description = "Host an embedded silo in this process instead of connecting to one.",
    };

    public Option<DirectoryInfo?> Data { get; } = new("--data")
    {
        Description = "Data directory of the embedded silo (default: ~/.local/share/stream).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Gateway);
        command.Options.Add(Embedded);
        command.Options.Add(Data);
    }

    public Task<ClusterConnection> ConnectAsync(ParseResult result, CancellationToken cancellationToken) =>
        ClusterConnection.OpenAsync(
            result.GetValue(Embedded),
            result.GetRequiredValue(Gateway),
            result.GetValue(Data)?.FullName,
            cancellationToken);
}
