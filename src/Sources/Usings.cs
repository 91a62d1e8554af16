global using StreamPredictor.Abstractions.Market;
