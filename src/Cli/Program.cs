using StreamPredictor.Cli;

return await StreamCommand.RunAsync(args, Console.Out, Console.Error);
