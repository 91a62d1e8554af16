global using StreamPredictor.Abstractions.Market;
global using StreamPredictor.Cluster.Tests.Support;
