global using StreamPredictor.Abstractions.Market;
global using StreamPredictor.Grains.Tests.Support;
