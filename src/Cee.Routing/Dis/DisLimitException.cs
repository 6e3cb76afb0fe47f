namespace Cee.Routing.Dis;

/// <summary>
/// Thrown inside the reader (by <see cref="XmlGuardStream"/> or the parse) when the input breaks a
/// limit or a safety rule; caught by <see cref="DisReader"/> and turned into the finding it names.
/// Never escapes the reader.
/// </summary>
internal sealed class DisLimitException : Exception
{
    public DisLimitException()
    {
    }

    public DisLimitException(string message)
        : base(message)
    {
    }

    public DisLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DisLimitException(string code, string message, string? path = null)
        : base(message)
    {
        Code = code;
        Path = path;
    }

    /// <summary>The finding code (<see cref="Intake.FindingCodes"/>).</summary>
    public string Code { get; } = Intake.FindingCodes.MalformedXml;

    /// <summary>Where, when known.</summary>
    public string? Path { get; }
}
