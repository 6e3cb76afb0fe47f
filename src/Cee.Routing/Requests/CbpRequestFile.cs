using Cee.Routing.Centers;
using Cee.Routing.Directories;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Requests;

/// <summary>
/// Reads the CBP requests (CF-28/CF-29) a deployment seeds its directory with, so a response can be
/// routed to the Center that asked. JSON: an array of <c>{ "requestId": "...", "center": "CEE003" }</c>;
/// CSV: the header <c>requestId,center</c>. The center is a Center ID: a request is always issued by
/// a Center, so <c>NOTELG</c> and <c>PNDING</c> are refused.
/// </summary>
public static class CbpRequestFile
{
    public const string RequestIdField = "requestId";
    public const string CenterField = "center";

    private static readonly DirectoryField[] Fields =
    [
        new(RequestIdField, Required: true),
        new(CenterField, Required: true),
    ];

    /// <summary>Reads the file at <paramref name="path"/>; its extension (.json or .csv) gives the format.</summary>
    /// <exception cref="DirectoryFileException">The file cannot be read, or is not a directory file at all.</exception>
    public static DirectoryFileResult<CbpRequest> Load(string path)
    {
        var format = DirectoryFile.FormatOf(path);
        return Parse(DirectoryFile.ReadText(path), format);
    }

    /// <summary>Reads requests from <paramref name="text"/>: every valid one, and a numbered error for every other.</summary>
    /// <exception cref="DirectoryFileException">The text is not a directory file at all.</exception>
    public static DirectoryFileResult<CbpRequest> Parse(string text, DirectoryFileFormat format)
    {
        var errors = new List<DirectoryFileError>();
        var rows = DirectoryFileReader.Read(text, format, Fields, errors);
        var requests = new List<CbpRequest>(rows.Count);
        var firstRowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var request = ReadRequest(row, errors);
            if (request is null)
            {
                continue;
            }

            if (firstRowOfId.TryGetValue(request.RequestId, out var first))
            {
                errors.Add(row.Error(RequestIdField, $"request {request.RequestId} is already on row {first}."));
                continue;
            }

            firstRowOfId[request.RequestId] = row.Number;
            requests.Add(request);
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new DirectoryFileResult<CbpRequest>(requests, errors);
    }

    private static CbpRequest? ReadRequest(DirectoryRow row, List<DirectoryFileError> errors)
    {
        var valid = true;
        var id = row.Get(RequestIdField);
        string? requestId = null;
        if (id is null)
        {
            errors.Add(row.Error(RequestIdField, "missing; give the CF-28/CF-29 request id."));
            valid = false;
        }
        else if (!CbpRequestIds.TryNormalize(id, out requestId, out var idError))
        {
            errors.Add(row.Error(RequestIdField, idError + "."));
            valid = false;
        }

        var written = row.Get(CenterField);
        Center? center = null;
        if (written is null)
        {
            errors.Add(row.Error(CenterField, "missing; give the issuing Center's ID (CEE001 to CEE010)."));
            valid = false;
        }
        else if (!CenterCatalog.Default.TryGet(written, out center))
        {
            var reason = AccountStates.IsAccountState(written)
                ? $"'{written}' is an importer-account state; a request is issued by a Center (CEE001 to CEE010)."
                : CenterCatalog.DescribeUnknown(written);
            errors.Add(row.Error(CenterField, SsnRedaction.Redact(reason)));
            valid = false;
        }

        return valid ? new CbpRequest(requestId!, center!.Id) : null;
    }
}
