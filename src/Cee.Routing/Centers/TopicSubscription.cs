namespace Cee.Routing.Centers;

/// <summary>
/// A Service Bus subscription that every deployment creates on a topic, from <c>topology.json</c>:
/// its name and the SQL filter over the message's application properties (<c>kind</c>, <c>port</c>,
/// <c>center</c>…) that decides which messages it receives.
/// </summary>
/// <param name="Name">The subscription name, e.g. <c>entry-summary</c>.</param>
/// <param name="SqlFilter">The Service Bus SQL filter expression, e.g. <c>kind = 'entry-summary'</c>.</param>
public sealed record TopicSubscription(string Name, string SqlFilter);
