namespace StreamPredictor.Client.Tests.Support;

/// <summary>Tests that share one embedded silo.</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
