namespace StreamPredictor.Grains.Hosting;

/// <summary>How forecast grains keep up with the model registry. Bound from <c>Stream:Forecast</c>.</summary>
public sealed class ForecastOptions
{
    public const string SectionName = "Stream:Forecast";

    /// <summary>
    /// How often an active forecast grain asks the registry for its active version (a number, cheap) besides on every day
    /// event and activation, and retries a version it could not load or a forecast it could not store.
    /// </summary>
    public TimeSpan ModelCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
