using System.CommandLine;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Cli.Commands;

/// <summary><c>stream days --symbol SYM</c>: the symbol's days from the cluster, in the CSV of <c>stream daily</c>.</summary>
public static class DaysCommand
{
    public static Command Create(CliConsole console)
    {
        var symbol = SymbolOption.Create();
        var from = new Option<DateOnly?>("--from") { Description = "First day (yyyy-mm-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (yyyy-mm-dd)." };
        var closedOnly = new Option<bool>("--closed-only") { Description = "Leave out the open (current) day." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV here instead of standard output." };
        var cluster = new ClusterOptions();
        var command = new Command("days", "Print a symbol's daily figures as the cluster holds them (same CSV as 'stream daily').") { symbol, from, to, closedOnly, output };
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(result, cancellationToken);
            var days = await connection.Client.GetDaysAsync(result.GetRequiredValue(symbol), result.GetValue(from), result.GetValue(to), !result.GetValue(closedOnly));
            if (result.GetValue(output) is { } path)
            {
                await using var writer = new StreamWriter(path.FullName);
                DailyCsv.Write(writer, days);
            }
            else
            {
                DailyCsv.Write(console.Out, days);
            }

            return 0;
        });
        return command;
    }
}
