using StreamPredictor.Cli;
using StreamPredictor.Cli.Errors;

// The last resort of the error contract: an exception on a thread of its own would end the process with a stack
// trace and exit code 134; it ends it with one line and exit code 2 instead.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    Console.Error.WriteLine(StreamCommand.ErrorPrefix + (e.ExceptionObject is Exception exception ? ErrorLine.For(exception) : "unexpected failure"));
    Environment.Exit(StreamCommand.ExitBadInput);
};

return await StreamCommand.RunAsync(args, Console.Out, Console.Error);
