using System.Globalization;
using System.Text;
using System.Text.Json;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Directories;

/// <summary>
/// Reads the entries of a directory file, JSON or CSV, into <see cref="DirectoryRow"/>s by field
/// name. Problems of the file as a whole throw <see cref="DirectoryFileException"/>; problems of one
/// entry are added to the caller's error list and the entry is left out.
/// </summary>
internal static class DirectoryFileReader
{
    private const char ListSeparator = ';';

    public static IReadOnlyList<DirectoryRow> Read(
        string text, DirectoryFileFormat format, IReadOnlyList<DirectoryField> fields, List<DirectoryFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        return format switch
        {
            DirectoryFileFormat.Json => ReadJson(text, fields, errors),
            DirectoryFileFormat.Csv => ReadCsv(text, fields, errors),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown directory file format."),
        };
    }

    private static List<DirectoryRow> ReadJson(string text, IReadOnlyList<DirectoryField> fields, List<DirectoryFileError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new DirectoryFileException($"not valid JSON: {SsnRedaction.Redact(ex.Message)}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DirectoryFileException($"expected a JSON array of objects with {Names(fields)}; the file holds a JSON {Describe(document.RootElement.ValueKind)}.");
            }

            var rows = new List<DirectoryRow>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                var row = new DirectoryRow(number, null);
                if (ReadJsonRow(element, row, fields, errors))
                {
                    rows.Add(row);
                }
            }

            return rows;
        }
    }

    private static bool ReadJsonRow(JsonElement element, DirectoryRow row, IReadOnlyList<DirectoryField> fields, List<DirectoryFileError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(row.Error(null, $"expected an object with {Names(fields)}; found a JSON {Describe(element.ValueKind)}."));
            return false;
        }

        var valid = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var field = fields.FirstOrDefault(f => string.Equals(f.Name, property.Name, StringComparison.Ordinal));
            if (field is null)
            {
                errors.Add(row.Error(null, $"unknown property '{SsnRedaction.Redact(property.Name)}'; expected {Names(fields)}."));
                valid = false;
                continue;
            }

            if (!seen.Add(field.Name))
            {
                errors.Add(row.Error(field.Name, "given more than once."));
                valid = false;
                continue;
            }

            var value = property.Value;
            if (field.IsList)
            {
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    errors.Add(row.Error(field.Name, $"must be a JSON array of strings, e.g. [\"C-TPAT\"]; found a JSON {Describe(value.ValueKind)}."));
                    valid = false;
                    continue;
                }

                row.SetList(field.Name, value.EnumerateArray().Select(v => v.GetString()));
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                row.Set(field.Name, value.GetString());
            }
            else if (value.ValueKind != JsonValueKind.Null)
            {
                // A number would lose leading zeros (an EIN may start with 0): only strings are read.
                errors.Add(row.Error(field.Name, $"must be a JSON string; found a JSON {Describe(value.ValueKind)}."));
                valid = false;
            }
        }

        return valid;
    }

    private static List<DirectoryRow> ReadCsv(string text, IReadOnlyList<DirectoryField> fields, List<DirectoryFileError> errors)
    {
        using var records = ReadCsvRecords(text).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new DirectoryFileException($"the CSV file is empty; its first line is the header: {string.Join(',', fields.Select(f => f.Name))}.");
        }

        var columns = MapHeader(records.Current.Fields, fields);
        var rows = new List<DirectoryRow>();
        var number = 0;
        while (records.MoveNext())
        {
            var (line, cells) = records.Current;
            number++;
            var row = new DirectoryRow(number, line);
            if (cells.Count > columns.Count)
            {
                errors.Add(row.Error(null, string.Create(CultureInfo.InvariantCulture,
                    $"has {cells.Count} fields; the header has {columns.Count} (a value with a comma must be quoted).")));
                continue;
            }

            for (var i = 0; i < cells.Count; i++)
            {
                var field = columns[i];
                if (field.IsList)
                {
                    row.SetList(field.Name, cells[i].Split(ListSeparator));
                }
                else
                {
                    row.Set(field.Name, cells[i]);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<DirectoryField> MapHeader(List<string> header, IReadOnlyList<DirectoryField> fields)
    {
        var columns = new List<DirectoryField>(header.Count);
        foreach (var name in header.Select(h => h.Trim()))
        {
            var field = fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new DirectoryFileException($"the CSV header names an unknown column '{SsnRedaction.Redact(name)}'; the columns are {Names(fields)}.");
            if (columns.Contains(field))
            {
                throw new DirectoryFileException($"the CSV header names the column '{field.Name}' twice.");
            }

            columns.Add(field);
        }

        var missing = fields.Where(f => f.Required && !columns.Contains(f)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DirectoryFileException($"the CSV header lacks the required column(s) {string.Join(", ", missing)}; the first line must name the columns, e.g. {string.Join(',', fields.Select(f => f.Name))}.");
        }

        return columns;
    }

    /// <summary>RFC 4180 records with the line each starts on; blank lines are skipped.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> ReadCsvRecords(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quotedRecord = false;
            var endOfRecord = false;
            while (!endOfRecord)
            {
                if (i < text.Length && text[i] == '"' && field.Length == 0)
                {
                    quotedRecord = true;
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            throw new DirectoryFileException(string.Create(CultureInfo.InvariantCulture, $"line {start}: a quoted value is not closed."));
                        }

                        var ch = text[i++];
                        if (ch == '"')
                        {
                            if (i < text.Length && text[i] == '"')
                            {
                                field.Append('"');
                                i++;
                                continue;
                            }

                            break;
                        }

                        if (ch == '\n' || (ch == '\r' && (i >= text.Length || text[i] != '\n')))
                        {
                            line++;
                        }

                        field.Append(ch);
                    }

                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        throw new DirectoryFileException(string.Create(CultureInfo.InvariantCulture, $"line {line}: a quoted value must be followed by a comma or the end of the line."));
                    }
                }

                if (i >= text.Length)
                {
                    fields.Add(field.ToString());
                    endOfRecord = true;
                    continue;
                }

                var next = text[i++];
                switch (next)
                {
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        break;
                    case '\r' or '\n':
                        if (next == '\r' && i < text.Length && text[i] == '\n')
                        {
                            i++;
                        }

                        line++;
                        fields.Add(field.ToString());
                        endOfRecord = true;
                        break;
                    default:
                        field.Append(next);
                        break;
                }
            }

            if (!quotedRecord && fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            yield return (start, fields);
        }
    }

    private static string Names(IReadOnlyList<DirectoryField> fields) => string.Join(", ", fields.Select(f => f.Name));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
