using System.Text.Json;
using Cee.Routing.Identifiers;
using Cee.Routing.Messages;

namespace Cee.Routing.Inbox;

/// <summary>
/// Reads a routed-document body the way every consumer of a Center's topic must: the contract name
/// and version first (additive fields within v1 are fine, another major version is not), then the
/// fields a receipt needs. Never throws on bad input.
/// </summary>
public static class RoutedDocumentReader
{
    public static RoutedDocumentRead Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return RoutedDocumentRead.Unreadable(RoutedDocumentRead.MalformedBody, "The message body is empty.");
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return RoutedDocumentRead.Unreadable(RoutedDocumentRead.MalformedBody, $"The message body is a JSON {root.ValueKind}, not an object.");
            }

            var schema = root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (schema != RoutedDocumentMessage.SchemaName)
            {
                return RoutedDocumentRead.Unreadable(RoutedDocumentRead.UnsupportedSchema,
                    $"The body's schema is '{Describe(schema)}'; a Center's inbox reads '{RoutedDocumentMessage.SchemaName}'.");
            }

            if (!root.TryGetProperty("schemaVersion", out var v) || !v.TryGetInt32(out var version) || version != RoutedDocumentMessage.CurrentVersion)
            {
                return RoutedDocumentRead.Unreadable(RoutedDocumentRead.UnsupportedSchemaVersion,
                    $"The body's schemaVersion is {(root.TryGetProperty("schemaVersion", out var raw) ? raw.GetRawText() : "missing")}; this inbox reads version {RoutedDocumentMessage.CurrentVersion}.");
            }

            var message = root.Deserialize<RoutedDocumentMessage>(ContractJson.Options);
            return message is { DocumentId.Length: > 0, Center.Length: > 0 }
                ? RoutedDocumentRead.Readable(message)
                : RoutedDocumentRead.Unreadable(RoutedDocumentRead.MalformedBody, "The body names no documentId or no center.");
        }
        catch (JsonException ex)
        {
            return RoutedDocumentRead.Unreadable(RoutedDocumentRead.MalformedBody, $"The body is not routed-document JSON: {SsnRedaction.Redact(ex.Message)}");
        }
    }

    private static string Describe(string? value) => value is null ? "missing" : SsnRedaction.Redact(value.Length > 80 ? value[..80] : value);
}
