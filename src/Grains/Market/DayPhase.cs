namespace StreamPredictor.Grains.Market;

/// <summary>
/// Where a day stands in a <see cref="DailyBook"/>, which decides what a tick of that day does. A day goes
/// Open → Revisable → Final; a closed day whose figures changed is also "pending history" until stored.
/// </summary>
public enum DayPhase
{
    /// <summary>Later than the newest day: its first tick closes the open day and opens this one.</summary>
    Ahead,

    /// <summary>The newest day: its ticks add to it.</summary>
    Open,

    /// <summary>Closed, within the allowed lateness and with its seen-seconds kept: a late tick revises it.</summary>
    Revisable,

    /// <summary>Beyond the allowed lateness, or stored without its seen-seconds: its figures are final, its ticks too late.</summary>
    Final,
}
