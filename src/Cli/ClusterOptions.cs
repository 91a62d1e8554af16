using System.CommandLine;

namespace StreamPredictor.Cli;

/// <summary>The options every command that talks to a cluster takes: where it is, or to host one in-process.</summary>
public sealed class ClusterOptions
{
    public Option<string> Gateway { get; } = new("--gateway")
    {
        Description = "Gateway of a running silo, HOST:PORT.",
        DefaultValueFactory = _ => "localhost:30000",
        Validators = { OptionRule.Check<string>(GatewayAddress.Problem) },
    };

    public Option<string?> Redis { get; } = new("--redis")
    {
        Description = "Redis of a cluster-profile deployment (StackExchange.Redis string); with --nats, instead of --gateway.",
    };

    public Option<string> Nats { get; } = new("--nats")
    {
        Description = "NATS server of a cluster-profile deployment.",
        DefaultValueFactory = _ => "nats://localhost:4222",
    };

    public Option<string?> ClusterId { get; } = new("--cluster-id")
    {
        Description = "The cluster's Orleans:ClusterId (also read from the Orleans__ClusterId environment variable).",
    };

    public Option<string?> ServiceId { get; } = new("--service-id")
    {
        Description = "The cluster's Orleans:ServiceId (also read from the Orleans__ServiceId environment variable).",
    };

    public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Seconds to keep trying to reach the cluster.",
        DefaultValueFactory = _ => 10,
        Validators = { OptionRule.Check<double>(seconds => seconds is > 0 and <= 86_400 ? null : "--connect-timeout must be more than 0 and at most 86400 seconds") },
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
        command.Options.Add(Redis);
        command.Options.Add(Nats);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
        command.Options.Add(ConnectTimeout);
        command.Options.Add(Embedded);
        command.Options.Add(Data);
    }

    private Action<StreamPredictor.Client.StreamClientOptions> ClientOptions(ParseResult result) => options =>
    {
        options.Gateways.Add(result.GetRequiredValue(Gateway));
        options.Redis = result.GetValue(Redis);
        options.NatsUrl = result.GetRequiredValue(Nats);
        options.ConnectTimeout = TimeSpan.FromSeconds(result.GetValue(ConnectTimeout));
        options.ClusterId = result.GetValue(ClusterId) ?? options.ClusterId;
        options.ServiceId = result.GetValue(ServiceId) ?? options.ServiceId;
    };

    public Task<ClusterConnection> ConnectAsync(ParseResult result, CancellationToken cancellationToken) =>
        ClusterConnection.OpenAsync(
            result.GetValue(Embedded),
            result.GetValue(Embedded) ? null : ClientOptions(result),
            result.GetValue(Data)?.FullName,
            cancellationToken);
}
