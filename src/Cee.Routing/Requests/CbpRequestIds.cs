using System.Diagnostics.CodeAnalysis;

namespace Cee.Routing.Requests;

/// <summary>
/// The one written form of a CBP request id, so that the id a response names and the id a
/// directory file gives meet: trimmed and upper-case, 1 to 64 letters, digits, <c>-</c>, <c>_</c>
/// or <c>.</c> (which also keeps it a valid Cosmos DB item id).
/// </summary>
public static class CbpRequestIds
{
    public const int MaxLength = 64;

    /// <summary>The normalized id, or false with a reason (that never repeats the value).</summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "a request id is not empty";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            error = $"a request id has at most {MaxLength} characters";
            return false;
        }

        foreach (var ch in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch is not ('-' or '_' or '.'))
            {
                error = "a request id holds only letters, digits, '-', '_' and '.'";
                return false;
            }
        }

        normalized = trimmed.ToUpperInvariant();
        error = null;
        return true;
    }
}
