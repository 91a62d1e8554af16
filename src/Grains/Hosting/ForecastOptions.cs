namespace StreamPredictor.Grains.Hosting;

/// <summary>How forecast grains keep up with the model registry and the open day. Bound from <c>Stream:Forecast</c>.</summary>
public sealed class ForecastOptions
{
    public const string SectionName = "Stream:Forecast";

    /// <summary>
    /// The service key of the clock that times nowcast publishing (the system clock unless a host registers another;
    /// tests register a fake one without stopping the silo's own clock).
    /// </summary>
    public const string NowcastClockKey = "stream.nowcast-clock";

    /// <summary>
    /// How often an active forecast grain asks the registry for its active version (a number, cheap) besides on every day
    /// event and activation, and retries a version it could not load or a forecast it could not store.
    /// </summary>
    public TimeSpan ModelCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether the market grain tells the forecast grain of the open day after each stored batch, so the forecast grain
    /// serves and publishes a nowcast of it. Off, ingest sends nothing and <c>GetNowcastAsync</c> answers null.
    /// </summary>
    public bool Nowcasting { get; set; } = true;

    /// <summary>
    /// The least time between two nowcasts a forecast grain publishes for the same open day (its updates in between are
    /// served at once but published as the latest one when the interval is up). A day's first nowcast (the forecast made
    /// at the previous close) and its last (the day's mean, once it closes) are always published.
    /// </summary>
    public TimeSpan NowcastPublishInterval { get; set; } = TimeSpan.FromSeconds(1);
}
