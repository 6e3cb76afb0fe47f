using Cee.Routing.Inbox;

namespace Cee.Functions.Hosting;

/// <summary>The <c>Transfers</c> section (<c>Transfers__MaxTransfers=3</c>), turned into the core's <see cref="TransferOptions"/>.</summary>
public sealed class TransferSettings
{
    public int? MaxTransfers { get; set; }

    public TimeSpan? ReviewTimeout { get; set; }

    public TransferOptions ToOptions()
    {
        var defaults = new TransferOptions();
        return defaults with { MaxTransfers = MaxTransfers ?? defaults.MaxTransfers, ReviewTimeout = ReviewTimeout ?? defaults.ReviewTimeout };
    }
}
