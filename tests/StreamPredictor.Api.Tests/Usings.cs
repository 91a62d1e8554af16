global using System.Net;
global using StreamPredictor.Abstractions.Market;
global using StreamPredictor.Api.Tests.Support;
global using StreamPredictor.Cluster.Tests.Support;
global using StreamPredictor.Grains.Tests.Support;
