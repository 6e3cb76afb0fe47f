using Azure.Messaging.ServiceBus;
using Cee.Routing.Messages;
using Cee.Routing.Ports;
using Microsoft.Extensions.Azure;

namespace Cee.Functions.Messaging;

/// <summary>
/// Publishes a <see cref="TopicMessage"/> on its Service Bus topic with exactly its properties and
/// body. One sender per topic, registered by name from the topology (<c>AddCeeFunctions</c>); a
/// topic outside the topology has no sender and fails loudly. The same MessageId twice is dropped
/// by the topic's duplicate detection.
/// </summary>
public sealed class ServiceBusTopicPublisher(IAzureClientFactory<ServiceBusSender> senders) : ITopicPublisher
{
    public Task PublishAsync(TopicMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return senders.CreateClient(message.Topic).SendMessageAsync(ToServiceBusMessage(message), cancellationToken);
    }

    /// <summary>The Service Bus message: body = the UTF-8 bytes of the JSON body, every property carried over.</summary>
    public static ServiceBusMessage ToServiceBusMessage(TopicMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = message.Properties;
        var sbMessage = new ServiceBusMessage(BinaryData.FromString(message.Body))
        {
            MessageId = properties.MessageId,
            SessionId = properties.SessionId,
            CorrelationId = properties.CorrelationId,
            Subject = properties.Subject,
            ContentType = properties.ContentType,
        };
        foreach (var (name, value) in properties.ApplicationProperties)
        {
            sbMessage.ApplicationProperties[name] = value;
        }

        return sbMessage;
    }
}
