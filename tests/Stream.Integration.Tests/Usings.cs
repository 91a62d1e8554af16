global using Stream.Abstractions.Forecasting;
global using Stream.Abstractions.Market;
