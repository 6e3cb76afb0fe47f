namespace Cee.Tests;

/// <summary>
/// A theory that validates against CBP's DIS schema. It is skipped, with the reason, only on a developer's
/// machine without <c>../shared/dis-schema</c>; with <c>CI=true</c> it always runs, so a missing schema fails.
/// </summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute()
    {
        if (DisSchema.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
