using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cee.Cli.Output;

/// <summary>How every verb writes <c>--json</c>: indented, explicit property names, nulls kept.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Output is read by scripts and people, not embedded in HTML: keep '&' and '+' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
