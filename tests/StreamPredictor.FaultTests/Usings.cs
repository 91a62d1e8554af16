global using StreamPredictor.Cluster.Tests.Support;
global using StreamPredictor.FaultTests.Support;
global using StreamPredictor.Grains.Tests.Support;
