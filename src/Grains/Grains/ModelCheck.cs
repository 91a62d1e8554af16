namespace StreamPredictor.Grains;

/// <summary>Why the forecast grain compares the model it serves with the registry's active version.</summary>
public enum ModelCheck
{
    /// <summary>The grain is activating: it serves nothing yet.</summary>
    Activation,

    /// <summary>A day closed or was revised.</summary>
    DayEvent,

    /// <summary>The grain's periodic check.</summary>
    Timer,

    /// <summary>Someone asked (the registry after an activation, <c>stream run</c>).</summary>
    Refresh,
}
