using System.Text.Json;
using Cee.Routing.Identifiers;
using Cee.Routing.Messages;

namespace Cee.Routing.Inbox;

/// <summary>
/// Reads a body of a Center's topic the way every consumer of it must: the contract name first
/// (<c>cee.routed-document</c> or <c>cee.document-withdrawal</c>: a withdrawal arrives in the same
/// session as the document it withdraws), then that contract's version (additive fields within v1
/// are fine, another major version is not), then the fields the Center needs. Never throws on bad input.
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
            return schema switch
            {
                RoutedDocumentMessage.SchemaName => VersionProblem(root, schema, RoutedDocumentMessage.CurrentVersion) ?? ReadDocument(root),
                WithdrawalMessage.SchemaName => VersionProblem(root, schema, WithdrawalMessage.CurrentVersion) ?? ReadWithdrawal(root),
                _ => RoutedDocumentRead.Unreadable(RoutedDocumentRead.UnsupportedSchema,
                    $"The body's schema is '{Describe(schema)}'; a Center's inbox reads '{RoutedDocumentMessage.SchemaName}' and '{WithdrawalMessage.SchemaName}'."),
            };
        }
        catch (JsonException ex)
        {
            return RoutedDocumentRead.Unreadable(RoutedDocumentRead.MalformedBody, $"The body is not routed-document JSON: {SsnRedaction.Redact(ex.Message)}");
        }
    }

    private static RoutedDocumentRead? VersionProblem(JsonElement root, string schema, int known) =>
        // A schemaVersion that is not a number (e.g. "1") is unknown too; TryGetInt32 would throw on it.
        root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) && version == known
            ? null
            : RoutedDocumentRead.Unreadable(RoutedDocumentRead.UnsupportedSchemaVersion,
                $"The body's {schema} schemaVersion is {(root.TryGetProperty("schemaVersion", out var raw) ? Describe(raw.GetRawText()) : "missing")}; this inbox reads version {known}.");

    private static RoutedDocumentRead ReadDocument(JsonElement root)
    {
        var message = root.Deserialize<RoutedDocumentMessage>(ContractJson.Options);
        return message is { DocumentId.Length: > 0, Center.Length: > 0 }
            ? RoutedDocumentRead.Readable(message)
            : RoutedDocumentRead.Unreadable(RoutedDocumentRead.MalformedBody, "The body names no documentId or no center.");
    }

    private static RoutedDocumentRead ReadWithdrawal(JsonElement root)
    {
        var message = root.Deserialize<WithdrawalMessage>(ContractJson.Options);
        return message is { DocumentId.Length: > 0, Center.Length: > 0, Reason: not null }
            ? RoutedDocumentRead.Withdrawn(message)
            : RoutedDocumentRead.Unreadable(RoutedDocumentRead.MalformedBody, "The withdrawal names no documentId, no center or no reason.");
    }

    private static string Describe(string? value) => value is null ? "missing" : SsnRedaction.Redact(value.Length > 80 ? value[..80] : value);
}
