global using Stream.Abstractions.Market;
global using Stream.Cluster.Tests.Support;
