namespace StreamPredictor.Grains;

/// <summary>What the forecast grain does about its model after comparing it with the registry's active version.</summary>
public enum ModelStep
{
    /// <summary>The served model is the active one (or the active one is known bad and this check does not retry it).</summary>
    Keep,

    /// <summary>The naive model is active: serve it (nothing to load, nothing can fail).</summary>
    ServeNaive,

    /// <summary>Another trained version is active: load it, and serve it if it loads; else keep the served model.</summary>
    Load,
}
