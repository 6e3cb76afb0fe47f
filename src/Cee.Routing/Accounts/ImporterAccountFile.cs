using Cee.Routing.Directories;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Accounts;

/// <summary>
/// Reads the importer accounts a deployment seeds its directory with (and <c>cee route</c> reads
/// locally). JSON: an array of <c>{ "importerNumber": "12-345678900", "center": "CEE007",
/// "trustedTrader": ["C-TPAT"] }</c> (<c>trustedTrader</c> optional). CSV: the header
/// <c>importerNumber,center,trustedTrader</c> (the last column optional), programmes separated by
/// <c>;</c>. <c>center</c> is a Center ID (<c>CEE001</c>…<c>CEE010</c>), <c>NOTELG</c> or <c>PNDING</c>.
/// </summary>
/// <remarks>
/// Each account comes out with its lookup key (<see cref="ImporterLookupKeys.For"/>, a keyed hash
/// for an SSN) and its masked number: an SSN read from the file is in neither, nor in any error.
/// </remarks>
public static class ImporterAccountFile
{
    public const string ImporterNumberField = "importerNumber";
    public const string CenterField = "center";
    public const string TrustedTraderField = "trustedTrader";

    /// <summary>Longest trusted-trader programme name accepted (e.g. "CTPAT Trade Compliance").</summary>
    public const int MaxProgrammeLength = 40;

    private static readonly DirectoryField[] Fields =
    [
        new(ImporterNumberField, Required: true),
        new(CenterField, Required: true),
        new(TrustedTraderField, Required: false, IsList: true),
    ];

    /// <summary>Reads the file at <paramref name="path"/>; its extension (.json or .csv) gives the format.</summary>
    /// <exception cref="DirectoryFileException">The file cannot be read, or is not a directory file at all.</exception>
    public static DirectoryFileResult<ImporterAccount> Load(string path, ImporterLookupKeys keys)
    {
        var format = DirectoryFile.FormatOf(path);
        return Parse(DirectoryFile.ReadText(path), format, keys);
    }

    /// <summary>Reads accounts from <paramref name="text"/>: every valid one, and a numbered error for every other.</summary>
    /// <exception cref="DirectoryFileException">The text is not a directory file at all (not JSON, no CSV header…).</exception>
    public static DirectoryFileResult<ImporterAccount> Parse(string text, DirectoryFileFormat format, ImporterLookupKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var errors = new List<DirectoryFileError>();
        var rows = DirectoryFileReader.Read(text, format, Fields, errors);
        var accounts = new List<ImporterAccount>(rows.Count);
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var account = ReadAccount(row, keys, errors);
            if (account is null)
            {
                continue;
            }

            if (firstRowOfKey.TryGetValue(account.LookupKey, out var first))
            {
                errors.Add(row.Error(ImporterNumberField, $"importer {account.Importer} is already on row {first} (the same number, or the same 11 characters as an EIN or CBP-assigned number)."));
                continue;
            }

            firstRowOfKey[account.LookupKey] = row.Number;
            accounts.Add(account);
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new DirectoryFileResult<ImporterAccount>(accounts, errors);
    }

    private static ImporterAccount? ReadAccount(DirectoryRow row, ImporterLookupKeys keys, List<DirectoryFileError> errors)
    {
        var valid = true;
        var number = default(ImporterNumber);
        var written = row.Get(ImporterNumberField);
        if (written is null)
        {
            errors.Add(row.Error(ImporterNumberField, "missing; give the importer of record number, e.g. 12-345678900."));
            valid = false;
        }
        else if (!ImporterNumber.TryParse(written, out number, out var numberError))
        {
            // Never echo the value: it may be an SSN.
            errors.Add(row.Error(ImporterNumberField, $"not an importer number: {ImporterNumber.Describe(numberError)}."));
            valid = false;
        }

        var status = AccountStatus.Unknown;
        string? center = null;
        var assignment = row.Get(CenterField);
        if (assignment is null)
        {
            errors.Add(row.Error(CenterField, "missing; give a Center ID (CEE001 to CEE010), NOTELG or PNDING."));
            valid = false;
        }
        else if (!ImporterAccount.TryParseAssignment(assignment, out status, out center, out var assignmentError))
        {
            errors.Add(row.Error(CenterField, SsnRedaction.Redact(assignmentError!)));
            valid = false;
        }

        var programmes = new List<string>();
        foreach (var programme in row.GetList(TrustedTraderField))
        {
            if (programme.Length > MaxProgrammeLength || programme.Any(char.IsControl))
            {
                errors.Add(row.Error(TrustedTraderField, $"'{SsnRedaction.Redact(programme[..Math.Min(programme.Length, MaxProgrammeLength)])}' is not a programme name (at most {MaxProgrammeLength} printable characters)."));
                valid = false;
            }
            else if (!programmes.Contains(programme, StringComparer.OrdinalIgnoreCase))
            {
                programmes.Add(programme);
            }
        }

        return valid
            ? new ImporterAccount(keys.For(number), number.Masked, status, center, programmes)
            : null;
    }
}
