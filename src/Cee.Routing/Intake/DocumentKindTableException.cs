namespace Cee.Routing.Intake;

/// <summary>A label table (embedded or override file) that cannot be used, with what is wrong.</summary>
public sealed class DocumentKindTableException : Exception
{
    public DocumentKindTableException()
    {
    }

    public DocumentKindTableException(string message)
        : base(message)
    {
    }

    public DocumentKindTableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
