using StreamPredictor.Abstractions.Sources;

namespace StreamPredictor.Api.Contracts;

/// <summary>A live source of a symbol as it last reported, and how long ago that was (<see cref="ReportAgeSeconds"/>).</summary>
public sealed record LiveSource(
    string Source,
    bool Connected,
    DateTimeOffset? LastTickTime,
    long Published,
    long Reconnects,
    long GapsRepaired,
    long MinutesRepaired,
    long BadInput,
    DateTimeOffset ReportedAt,
    double ReportAgeSeconds)
{
    public static LiveSource From(SourceReport report, DateTimeOffset now) => new(
        report.Source,
        report.Connected,
        report.LastTickTime,
        report.Published,
        report.Reconnects,
        report.GapsRepaired,
        report.MinutesRepaired,
        report.BadInput,
        report.ReportedAt,
        Math.Max(0, (now - report.ReportedAt).TotalSeconds));
}
