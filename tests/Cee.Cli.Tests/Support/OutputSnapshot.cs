using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cee.Cli.Ledger;
using Cee.Cli.Local.Output;

namespace Cee.Cli.Tests.Support;

/// <summary>
/// Everything a <c>cee route</c> output folder holds, made comparable between runs: every file under
/// documents/, quarantine/ and topics/ by name and content, and every ledger record, transition and
/// content claim, with timestamps (the only thing two clean runs differ in) taken out.
/// </summary>
internal static class OutputSnapshot
{
    public static SortedDictionary<string, string> Take(string outDirectory)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "documents", "quarantine", "topics" })
        {
            var root = Path.Combine(outDirectory, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(outDirectory, file).Replace('\\', '/');
                snapshot[name] = file.EndsWith(".json", StringComparison.Ordinal) ? Normalize(File.ReadAllText(file)) : Sha256(file);
            }
        }

        var temporary = Path.Combine(outDirectory, OutputFolder.TemporaryFolder);
        if (Directory.Exists(temporary))
        {
            foreach (var file in Directory.GetFiles(temporary, "*", SearchOption.AllDirectories))
            {
                snapshot["temporary file left: " + Path.GetFileName(file)] = string.Empty;
            }
        }

        using var reader = SqliteRoutingLedger.OpenReader(Path.Combine(outDirectory, SqliteRoutingLedger.FileName));
        foreach (var record in reader.Find(LedgerFilter.All))
        {
            snapshot["ledger/records/" + record.Id] = Normalize(Routing.Messages.ContractJson.Serialize(record));
            snapshot["ledger/transitions/" + record.Id] = string.Join("\n", reader.TransitionsOf(record.Id).Select(t => Normalize(Routing.Messages.ContractJson.Serialize(t))));
        }

        foreach (var claim in reader.Claims())
        {
            snapshot["ledger/claims/" + claim.DropSha256] = claim.DropId + " " + claim.RecordId;
        }

        return snapshot;
    }

    /// <summary>Says where two snapshots differ, or null when they are the same.</summary>
    public static string? Difference(IDictionary<string, string> expected, IDictionary<string, string> actual)
    {
        var lines = new StringBuilder();
        foreach (var key in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var has = expected.TryGetValue(key, out var want);
            var got = actual.TryGetValue(key, out var value);
            if (!has || !got || !string.Equals(want, value, StringComparison.Ordinal))
            {
                lines.Append(CultureInfo.InvariantCulture, $"{key}: {(has ? "expected" : "unexpected")}{(got ? (has ? ", differs" : string.Empty) : ", missing")}\n");
                if (has && got)
                {
                    lines.Append("  expected ").Append(want!.Length > 400 ? want[..400] : want).Append("\n  actual   ").Append(value!.Length > 400 ? value[..400] : value).Append('\n');
                }
            }

            if (lines.Length > 4000)
            {
                break;
            }
        }

        return lines.Length == 0 ? null : lines.ToString();
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    // JSON with every timestamp replaced: the one thing a resumed run may rightly differ in.
    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json);
        return Strip(node)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Strip(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Strip(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Strip)]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() is var text &&
            text.Length >= 19 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? JsonValue.Create("<time>")
                : JsonValue.Create(StripEmbeddedTimes(text)),
        _ => node?.DeepClone(),
    };

    // Reasons quote times ("at 2026-12-03 14:05:12Z"): keep the sentence, not the moment.
    private static string StripEmbeddedTimes(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?", "<time>");
}
