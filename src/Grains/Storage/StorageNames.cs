namespace StreamPredictor.Grains.Storage;

/// <summary>Names of the grain storage providers the grains ask for; each profile registers them.</summary>
public static class StorageNames
{
    /// <summary>Durable state of every Stream grain.</summary>
    public const string Default = "stream";

    /// <summary>Orleans' stream pub-sub rendezvous (explicit subscribers such as forecast watchers).</summary>
    public const string PubSub = "PubSubStore";
}
