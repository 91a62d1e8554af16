global using StreamPredictor.Abstractions.Forecasting;
global using StreamPredictor.Abstractions.Market;
global using StreamPredictor.Client.Tests.Support;
global using StreamPredictor.Grains.Tests.Support;
