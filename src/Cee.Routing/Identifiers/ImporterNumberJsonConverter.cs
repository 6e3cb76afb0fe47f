using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cee.Routing.Identifiers;

/// <summary>
/// Writes an <see cref="ImporterNumber"/> as its display string, so JSON shows an SSN only as
/// <c>***-**-NNNN</c> like every other output. Reads any written form; a masked SSN cannot be read
/// back, which is the point of masking it.
/// </summary>
public sealed class ImporterNumberJsonConverter : JsonConverter<ImporterNumber>
{
    public override ImporterNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An importer number is a JSON string.");
        }

        // The message names the reason only: the value may be an SSN.
        return ImporterNumber.TryParse(reader.GetString(), out var number, out var error)
            ? number
            : throw new JsonException($"Not an importer number: {ImporterNumber.Describe(error)}");
    }

    public override void Write(Utf8JsonWriter writer, ImporterNumber value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> buffer = stackalloc char[16];
        value.TryFormat(buffer, out var written, default, null);
        writer.WriteStringValue(buffer[..written]);
    }
}
