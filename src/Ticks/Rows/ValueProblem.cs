namespace StreamPredictor.Ticks.Rows;

/// <summary>What is wrong with the text of a price or the volume, if anything.</summary>
internal enum ValueProblem : byte
{
    None,
    Missing,
    Unparsable,
    NotPositive,
    Negative,
    TooLarge,
}
