global using StreamPredictor.Abstractions.Forecasting;
global using StreamPredictor.Abstractions.Market;
