using System.Text.Json.Serialization;
using Cee.Routing.Centers;

namespace Cee.Routing.Accounts;

/// <summary>An importer of record's account as the directory knows it.</summary>
/// <param name="LookupKey">The importer's lookup key (never an SSN).</param>
/// <param name="Importer">The masked importer number, for display.</param>
/// <param name="Status">Assigned, NOTELG, PNDING or unknown.</param>
/// <param name="Center">The assigned Center ID when <paramref name="Status"/> is <see cref="AccountStatus.Assigned"/>.</param>
/// <param name="TrustedTrader">Trusted-trader programmes the importer belongs to, e.g. <c>C-TPAT</c>, <c>ISA</c>.</param>
public sealed record ImporterAccount(
    [property: JsonPropertyName("lookupKey")] string LookupKey,
    [property: JsonPropertyName("importer")] string Importer,
    [property: JsonPropertyName("status")] AccountStatus Status,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("trustedTrader")] IReadOnlyList<string> TrustedTrader)
{
    /// <summary>An importer the directory has no account for.</summary>
    public static ImporterAccount Unknown(string lookupKey, string importer) =>
        new(lookupKey, importer, AccountStatus.Unknown, null, []);

    /// <summary>
    /// Reads the value ACE reports in the Center field of an account: a Center ID, <c>NOTELG</c> or
    /// <c>PNDING</c>. Returns false with a reason for anything else.
    /// </summary>
    public static bool TryParseAssignment(string? value, out AccountStatus status, out string? centerId, out string? error)
    {
        var trimmed = value?.Trim();
        centerId = null;
        error = null;
        if (string.Equals(trimmed, AccountStates.NotEligible, StringComparison.OrdinalIgnoreCase))
        {
            status = AccountStatus.NotEligible;
            return true;
        }

        if (string.Equals(trimmed, AccountStates.Pending, StringComparison.OrdinalIgnoreCase))
        {
            status = AccountStatus.Pending;
            return true;
        }

        if (CenterCatalog.Default.TryGet(trimmed, out var center))
        {
            status = AccountStatus.Assigned;
            centerId = center.Id;
            return true;
        }

        status = AccountStatus.Unknown;
        error = $"'{value}' is neither a Center ID (CEE001 to CEE010) nor NOTELG or PNDING.";
        return false;
    }
}
