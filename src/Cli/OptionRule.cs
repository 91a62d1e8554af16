using System.CommandLine.Parsing;

namespace StreamPredictor.Cli;

/// <summary>Validators for options whose values the CLI checks beyond their type.</summary>
public static class OptionRule
{
    /// <summary>
    /// A validator that adds the error <paramref name="problem"/> returns for the option's value. A value that
    /// does not convert to <typeparamref name="T"/> at all is left to the parser's own error.
    /// </summary>
    public static Action<OptionResult> Check<T>(Func<T?, string?> problem) => result =>
    {
        T? value;
        try
        {
            value = result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (problem(value) is { } message)
        {
            result.AddError(message);
        }
    };
}
