using System.Text;
using System.Text.Json;
using Cee.Cli.Local.Output;
using System.Text.Json.Serialization;
using Cee.Routing.Messages;

namespace Cee.Cli.Local;

/// <summary>
/// <c>&lt;out&gt;/route-settings.json</c>: what the last <c>cee route</c> into a folder read (its drops
/// folder, accounts, requests and rules files, as absolute paths). <c>cee review serve</c> reads it to
/// resume a drop waiting for a person with the very same inputs, so the workflow takes the same
/// path up to the review and only the reviewer's answer is new.
/// </summary>
public sealed record RouteSettingsFile(
    [property: JsonPropertyName("drops")] string Drops,
    [property: JsonPropertyName("accounts")] string? Accounts,
    [property: JsonPropertyName("requests")] string? Requests,
    [property: JsonPropertyName("rules")] string? Rules)
{
    public const string FileName = "route-settings.json";

    /// <summary>Writes the file whole or not at all (under <c>.cee-tmp/</c>, renamed into place); a full disk stops the run.</summary>
    public void Save(OutputFolder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteAtomically(FileName, Encoding.UTF8.GetBytes(ContractJson.Serialize(this) + "\n"), OutputWriteKind.RouteSettings);
    }

    /// <summary>The settings a <c>cee route</c> run left in <paramref name="outDirectory"/>, or a usage error saying why there are none.</summary>
    public static RouteSettingsFile Load(string outDirectory)
    {
        var path = Path.Combine(outDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new UsageException($"'{outDirectory}' holds no {FileName}: it was written by a cee route older than cee review; run the same cee route again (it routes nothing twice) and retry.");
        }

        try
        {
            return ContractJson.Deserialize<RouteSettingsFile>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new UsageException($"'{path}' is not readable: {ex.Message}");
        }
    }
}
