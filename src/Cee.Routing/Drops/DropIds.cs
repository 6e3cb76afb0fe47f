using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cee.Routing.Drops;

/// <summary>Deterministic ids for drops and their documents.</summary>
public static class DropIds
{
    /// <summary>
    /// <c>d</c> + 32 lower-case hex characters of SHA-256 over the source and content version. The same
    /// blob content at the same path always gets the same id, so redelivery is idempotent; the same
    /// content at another path gets another id, and routing reports it as a duplicate of the first.
    /// </summary>
    public static string Compute(string source, string contentVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(contentVersion);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"cee-drop\n{source}\n{contentVersion}"));
        return "d" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The id of the <paramref name="ordinal"/>-th (1-based) document of a drop: <c>{dropId}-{ordinal:000}</c>.</summary>
    public static string DocumentId(string dropId, int ordinal)
    {
        ArgumentException.ThrowIfNullOrEmpty(dropId);
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{dropId}-{ordinal:000}");
    }
}
