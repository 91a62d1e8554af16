global using Stream.Abstractions.Market;
