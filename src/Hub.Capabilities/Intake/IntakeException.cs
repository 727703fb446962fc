namespace Hub.Capabilities.Intake;

/// <summary>Intake refused the request; nothing was stored. The message names the field and never holds a value the caller sent.</summary>
public sealed class IntakeException : Exception
{
    public IntakeException()
    {
    }

    public IntakeException(string message)
        : base(message)
    {
    }

    public IntakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntakeException(IntakeErrorCode code, string? field, string message)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Why.</summary>
    public IntakeErrorCode Code { get; }

    /// <summary>The argument at fault (e.g. <c>atenaNumber</c>, <c>answers[2].form</c>), when one is.</summary>
    public string? Field { get; }
}
