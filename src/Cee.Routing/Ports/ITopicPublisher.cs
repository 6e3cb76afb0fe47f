using Cee.Routing.Messages;

namespace Cee.Routing.Ports;

/// <summary>Publishes messages on Service Bus topics (a Center's topic, or the triage topic).</summary>
public interface ITopicPublisher
{
    /// <summary>
    /// Publishes the message with exactly its properties and body. Publishing the same MessageId
    /// twice must not deliver twice (Service Bus duplicate detection; an overwrite locally).
    /// </summary>
    Task PublishAsync(TopicMessage message, CancellationToken cancellationToken);
}
