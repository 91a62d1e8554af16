using Orleans.Concurrency;

namespace StreamPredictor.Abstractions.Sources;

/// <summary>
/// The live sources feeding a symbol, as they last reported themselves. Key: the symbol. Reports are kept in memory
/// only: a source that stops reporting is shown with the age of its last report, and forgotten after
/// <see cref="ForgetAfter"/>; one that runs reports again within seconds of a restart.
/// </summary>
[Alias("stream.source-status-grain")]
public interface ISourceStatusGrain : IGrainWithStringKey
{
    /// <summary>How long a source that stopped reporting stays listed.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>Keeps <paramref name="report"/> as its source's status, unless a later report of it is already held.</summary>
    [Alias("report"), OneWay]
    Task ReportAsync(SourceReport report);

    /// <summary>The newest report of each source heard from within <see cref="ForgetAfter"/>, by source name.</summary>
    [Alias("list"), ReadOnly]
    Task<SourceReport[]> ListAsync();
}
