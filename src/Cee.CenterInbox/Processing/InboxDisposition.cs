namespace Cee.CenterInbox.Processing;

/// <summary>What the inbox did with one message.</summary>
public enum InboxDisposition
{
    /// <summary>Kept and acknowledged, then completed: gone from the subscription.</summary>
    Completed,

    /// <summary>Given back for redelivery (a transient failure); after the subscription's maxDeliveryCount Service Bus dead-letters it.</summary>
    Abandoned,

    /// <summary>Moved to the dead-letter queue with a reason and a description: no retry can help.</summary>
    DeadLettered,
}
