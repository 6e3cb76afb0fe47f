using System.Diagnostics.CodeAnalysis;
using Cee.Routing.Identifiers;

namespace Cee.Functions.Http;

/// <summary>Reads an entry number from a route with the core's rules, and the core's sentence when it is not one.</summary>
public static class EntryNumbers
{
    public static bool TryParse(string? text, out EntryNumber entry, [NotNullWhen(false)] out string? reason)
    {
        try
        {
            entry = EntryNumber.Parse(text ?? string.Empty);
            reason = null;
            return true;
        }
        catch (FormatException ex)
        {
            // The core's message names the fault and never echoes an SSN-shaped input.
            entry = default;
            reason = ex.Message;
            return false;
        }
    }
}
