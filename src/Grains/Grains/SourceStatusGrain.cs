using StreamPredictor.Abstractions.Sources;

namespace StreamPredictor.Grains;

/// <summary>The latest report of each live source of a symbol, in memory (a status, not a record worth storing).</summary>
public sealed class SourceStatusGrain(TimeProvider time) : Grain, ISourceStatusGrain
{
    private readonly Dictionary<string, SourceReport> _reports = new(StringComparer.Ordinal);

    public Task ReportAsync(SourceReport report)
    {
        if (!_reports.TryGetValue(report.Source, out var held) || held.ReportedAt <= report.ReportedAt)
        {
            _reports[report.Source] = report;
        }

        var oldest = Oldest();
        foreach (var forgotten in _reports.Values.Where(r => r.ReportedAt < oldest).ToList())
        {
            _reports.Remove(forgotten.Source);
        }

        return Task.CompletedTask;
    }

    public Task<SourceReport[]> ListAsync()
    {
        var oldest = Oldest();
        return Task.FromResult(_reports.Values.Where(r => r.ReportedAt >= oldest).OrderBy(r => r.Source, StringComparer.Ordinal).ToArray());
    }

    private DateTimeOffset Oldest() => time.GetUtcNow() - ISourceStatusGrain.ForgetAfter;
}
