using System.Text.Json.Serialization;

namespace Cee.Routing.Messages;

/// <summary>A message ready to publish: its topic, its properties and its exact JSON body.</summary>
/// <param name="Topic">The Service Bus topic.</param>
/// <param name="Properties">MessageId, SessionId, CorrelationId, Subject, application properties.</param>
/// <param name="Body">The UTF-8 JSON body, serialized once so every host publishes the same bytes.</param>
public sealed record TopicMessage(
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("properties")] MessageProperties Properties,
    [property: JsonPropertyName("body")] string Body);
