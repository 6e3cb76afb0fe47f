using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cee.Routing.Centers;

namespace Cee.Routing.Tests.Architecture;

/// <summary>
/// Writes the Service Bus emulator's <c>Config.json</c> (schema: Azure/azure-service-bus-emulator-installer,
/// ServiceBus-Emulator/Schema/Config-schema.json) from the topology: every topic, subscription and
/// SQL filter, with the emulator's limits in place of Azure's (TTL at most PT1H, duplicate detection
/// window at most PT5M, at most 10 deliveries).
/// </summary>
internal static class ServiceBusEmulatorConfig
{
    /// <summary>Where the committed file lives, relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine("infra", "local", "servicebus", "Config.json");

    /// <summary>Set to 1 to rewrite the committed file instead of comparing with it.</summary>
    public const string RewriteVariable = "CEE_WRITE_EMULATOR_CONFIG";

    /// <summary>The emulator accepts exactly this namespace name.</summary>
    public const string Namespace = "sbemulatorns";

    /// <summary>The name of the one rule each subscription gets.</summary>
    public const string RuleName = "topology-filter";

    public static string Generate(CenterCatalog catalog)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteStartObject("UserConfig");
            json.WriteStartArray("Namespaces");
            json.WriteStartObject();
            json.WriteString("Name", Namespace);
            json.WriteStartArray("Queues");
            json.WriteEndArray();
            json.WriteStartArray("Topics");
            foreach (var center in catalog.All)
            {
                WriteTopic(json, center.Topic, catalog.CenterTopicSubscriptions);
            }

            WriteTopic(json, catalog.TriageTopic, catalog.TriageTopicSubscriptions);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("Logging");
            json.WriteString("Type", "Console");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTopic(Utf8JsonWriter json, string topic, IReadOnlyList<TopicSubscription> subscriptions)
    {
        json.WriteStartObject();
        json.WriteString("Name", topic);
        json.WriteStartObject("Properties");
        json.WriteString("DefaultMessageTimeToLive", "PT1H");
        json.WriteString("DuplicateDetectionHistoryTimeWindow", "PT5M");
        json.WriteBoolean("RequiresDuplicateDetection", true);
        json.WriteEndObject();
        json.WriteStartArray("Subscriptions");
        foreach (var subscription in subscriptions)
        {
            json.WriteStartObject();
            json.WriteString("Name", subscription.Name);
            json.WriteStartObject("Properties");
            json.WriteBoolean("DeadLetteringOnMessageExpiration", true);
            json.WriteString("DefaultMessageTimeToLive", "PT1H");
            json.WriteString("LockDuration", "PT1M");
            json.WriteNumber("MaxDeliveryCount", 10);
            json.WriteString("ForwardDeadLetteredMessagesTo", string.Empty);
            json.WriteString("ForwardTo", string.Empty);
            json.WriteBoolean("RequiresSession", true);
            json.WriteEndObject();
            json.WriteStartArray("Rules");
            json.WriteStartObject();
            json.WriteString("Name", RuleName);
            json.WriteStartObject("Properties");
            json.WriteString("FilterType", "Sql");
            json.WriteStartObject("SqlFilter");
            json.WriteString("SqlExpression", subscription.SqlFilter);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
