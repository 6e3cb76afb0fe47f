using System.Globalization;
using System.Text.Unicode;
using System.Text.Json;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Intake;

/// <summary>
/// Reads a bare document's manifest from its sidecar JSON or blob metadata. Never throws for bad
/// input: a manifest that cannot be read is a finding and the document is treated as having none.
/// </summary>
internal static class DropManifestParser
{
    public const string Port = "port";
    public const string Filer = "filer";
    public const string EntryNumbers = "entryNumbers";
    public const string ImporterNumber = "importerNumber";
    public const string DocumentLabel = "documentLabel";
    public const string CbpRequestId = "cbpRequestId";
    public const string Lines = "lines";

    public static readonly string[] Keys = [Port, Filer, EntryNumbers, ImporterNumber, DocumentLabel, CbpRequestId, Lines];

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static bool HasKnownKey(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is not null && metadata.Keys.Any(k => KnownKey(k) is not null);

    /// <summary>The manifest (null when there is none or it cannot be read) and what was found wrong with it.</summary>
    public static DropManifest? Parse(DropMetadata? metadata, int maxBytes, List<Finding> findings)
    {
        if (metadata is null)
        {
            return null;
        }

        if (metadata.ManifestJson is { } json)
        {
            if (HasKnownKey(metadata.BlobMetadata))
            {
                findings.Add(new Finding(FindingCodes.ManifestIgnored, FindingSeverity.Info,
                    "the blob's metadata was ignored: the sidecar manifest file was used instead"));
            }

            return ParseJson(json, metadata.ManifestName ?? "manifest", maxBytes, findings);
        }

        return HasKnownKey(metadata.BlobMetadata) ? ParseMetadata(metadata.BlobMetadata!, findings) : null;
    }

    private static DropManifest? ParseJson(ReadOnlyMemory<byte> json, string name, int maxBytes, List<Finding> findings)
    {
        if (json.Length > maxBytes)
        {
            findings.Add(new Finding(FindingCodes.ManifestTooLarge, FindingSeverity.Warning,
                SsnRedaction.Redact(string.Create(CultureInfo.InvariantCulture, $"the manifest {name} is larger than the {maxBytes:N0}-byte limit; it was ignored"))));
            return null;
        }

        if (!Utf8.IsValid(json.Span))
        {
            findings.Add(NotText(name, "not valid UTF-8"));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            findings.Add(Malformed(name, $"not valid JSON ({ex.Message})"));
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                findings.Add(Malformed(name, "not a JSON object"));
                return null;
            }

            try
            {
                return ReadObject(document.RootElement, findings);
            }
            catch (InvalidOperationException)
            {
                // GetString and Name refuse a string that escapes a lone surrogate (\ud800): it is no text.
                findings.Add(NotText(name, "holding a string with a lone surrogate escape (such as \\ud800), which is not text"));
                return null;
            }
        }
    }

    private static DropManifest ReadObject(JsonElement root, List<Finding> findings)
    {
        var builder = new Builder();
        foreach (var property in root.EnumerateObject())
        {
            var key = KnownKey(property.Name);
            if (key is null)
            {
                findings.Add(new Finding(FindingCodes.ManifestUnknownKey, FindingSeverity.Warning,
                    SsnRedaction.Redact($"the manifest key '{property.Name}' is not one intake knows ({string.Join(", ", Keys)}); it was ignored"),
                    SsnRedaction.Redact(property.Name)));
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            ReadJsonValue(builder, key, property.Value, findings);
        }

        return builder.Build();
    }

    private static void ReadJsonValue(Builder builder, string key, JsonElement value, List<Finding> findings)
    {
        switch (key)
        {
            case EntryNumbers:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    findings.Add(Invalid(key, "must be an array of entry numbers, e.g. [\"002-6110316-2\"]"));
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"{key}[{index++}]");
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        builder.Entries.Add(new ManifestValue(item.GetString()!, path));
                    }
                    else
                    {
                        findings.Add(Invalid(path, "must be a string"));
                    }
                }

                return;
            case Lines:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    findings.Add(Invalid(key, "must be an array of { \"hts\", \"line\" } objects"));
                    return;
                }

                var lineIndex = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"{key}[{lineIndex++}]");
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("hts", out var hts) || hts.ValueKind != JsonValueKind.String)
                    {
                        findings.Add(Invalid(path, "must be an object with a string \"hts\" and an optional \"line\" number"));
                        continue;
                    }

                    string? line = null;
                    if (item.TryGetProperty("line", out var lineValue))
                    {
                        line = lineValue.ValueKind switch
                        {
                            JsonValueKind.Number or JsonValueKind.String => lineValue.ValueKind == JsonValueKind.String ? lineValue.GetString() : lineValue.GetRawText(),
                            _ => null,
                        };
                        if (line is null && lineValue.ValueKind != JsonValueKind.Null)
                        {
                            findings.Add(Invalid(path + ".line", "must be a whole number"));
                        }
                    }

                    builder.Lines.Add(new ManifestLine(hts.GetString()!, line, path + ".hts"));
                }

                return;
            default:
                if (value.ValueKind != JsonValueKind.String)
                {
                    findings.Add(Invalid(key, key == Port ? "must be a string of 4 digits, e.g. \"2704\" (a number would lose leading zeros)" : "must be a string"));
                    return;
                }

                builder.Set(key, value.GetString()!);
                return;
        }
    }

    private static DropManifest ParseMetadata(IReadOnlyDictionary<string, string> metadata, List<Finding> findings)
    {
        var builder = new Builder();
        foreach (var (name, value) in metadata)
        {
            if (KnownKey(name) is not { } key || string.IsNullOrWhiteSpace(value))
            {
                // Blob metadata carries other keys too (set by tools or Azure): not a finding.
                continue;
            }

            var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            switch (key)
            {
                case EntryNumbers:
                    for (var i = 0; i < parts.Length; i++)
                    {
                        builder.Entries.Add(new ManifestValue(parts[i], string.Create(CultureInfo.InvariantCulture, $"{key}[{i}]")));
                    }

                    break;
                case Lines:
                    for (var i = 0; i < parts.Length; i++)
                    {
                        var path = string.Create(CultureInfo.InvariantCulture, $"{key}[{i}]");
                        var colon = parts[i].LastIndexOf(':');
                        builder.Lines.Add(colon < 0
                            ? new ManifestLine(parts[i], null, path + ".hts")
                            : new ManifestLine(parts[i][..colon].Trim(), parts[i][(colon + 1)..].Trim(), path + ".hts"));
                    }

                    break;
                default:
                    builder.Set(key, value);
                    break;
            }
        }

        return builder.Build();
    }

    private static string? KnownKey(string name) =>
        Array.Find(Keys, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    private static Finding Malformed(string name, string why) => new(
        FindingCodes.ManifestMalformed,
        FindingSeverity.Warning,
        SsnRedaction.Redact($"the manifest {name} is {why}; the document is kept and treated as having no manifest"));

    private static Finding NotText(string name, string why) => new(
        FindingCodes.ManifestEncoding,
        FindingSeverity.Error,
        SsnRedaction.Redact($"the manifest {name} is {why}; its facts cannot be read as the port wrote them, so the drop is rejected"));

    private static Finding Invalid(string path, string why) =>
        new(FindingCodes.ManifestInvalidValue, FindingSeverity.Warning, $"the manifest's {path} {why}; it was ignored", path);

    private sealed class Builder
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public List<ManifestValue> Entries { get; } = [];

        public List<ManifestLine> Lines { get; } = [];

        public void Set(string key, string value) => _values[key] = value.Trim();

        public DropManifest Build() => new(
            Value(Port),
            Value(Filer),
            Entries,
            ImporterField.Parse(_values.GetValueOrDefault(ImporterNumber), ImporterNumber),
            Value(DocumentLabel) is { } label ? label with { Text = SsnRedaction.Redact(label.Text) } : null,
            Value(CbpRequestId),
            Lines);

        private ManifestValue? Value(string key) =>
            _values.TryGetValue(key, out var value) && value.Length > 0 ? new ManifestValue(value, key) : null;
    }
}
