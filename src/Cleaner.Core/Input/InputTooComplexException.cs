namespace Cleaner.Core.Input;

/// <summary>Input past a structural limit (e.g. too many HTML tags): refused before the expensive work starts.</summary>
public sealed class InputTooComplexException(string message) : UnreadableInputException(message)
{
    public override string Kind => "too-complex";
}
