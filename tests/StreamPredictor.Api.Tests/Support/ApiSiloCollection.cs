namespace StreamPredictor.Api.Tests.Support;

/// <summary>Tests that share one <see cref="ApiSilo"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ApiSiloCollection : ICollectionFixture<ApiSilo>
{
    public const string Name = "api-silo";
}
