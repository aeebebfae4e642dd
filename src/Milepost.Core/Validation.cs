namespace Milepost.Core;

/// <summary>
/// One reason an input was refused: the field it concerns (the name of the input the user typed
/// into, or "" for the whole record), a stable code, and the message in Chinese and English.
/// </summary>
public sealed record ValidationError(string Field, string Code, string MessageZh, string MessageEn)
{
    public string Message(bool english) => english ? MessageEn : MessageZh;
}

/// <summary>Thrown by commands when the input breaks a rule; nothing has been written.</summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => e.MessageZh)))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;

    public ValidationException(ValidationError error) : this([error]) { }
}
