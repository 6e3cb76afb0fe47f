namespace Cee.Routing.Tests.Samples;

/// <summary>A fact that runs only where xmllint and the DIS schema are available, and is reported as skipped, with the reason, elsewhere.</summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (XmlLint.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
