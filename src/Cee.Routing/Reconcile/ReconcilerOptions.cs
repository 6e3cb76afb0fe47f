using System.Globalization;

namespace Cee.Routing.Reconcile;

/// <summary>
/// How the reconciler finds and re-drives what a run left behind (docs/adr/0015). The defaults keep
/// every re-drive of a drop inside the topics' one-day duplicate-detection window: 5 re-drives, 10 min
/// doubling, start within about 5 h of the failure.
/// </summary>
public sealed record ReconcilerOptions
{
    public const string SectionName = "Reconciler";

    /// <summary>How long a drop may sit unsettled (or a blob without a record) before the reconciler acts: longer than a healthy run takes.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How many times one drop is re-driven before it is left to a person.</summary>
    public int MaxRedrives { get; init; } = 5;

    /// <summary>The wait before the first re-drive after the last change; it doubles with each re-drive.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest wait between two re-drives.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long the Durable history of an ended instance is kept; longer than Event Grid's 24 h of redelivery.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How far back the port-drops scan looks for blobs that no event started.</summary>
    public TimeSpan ScanLookback { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Problems with these settings, or an empty list; hosts call it at start-up.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Check(problems, GracePeriod > TimeSpan.Zero, nameof(GracePeriod), GracePeriod, "must be positive");
        Check(problems, MaxRedrives is >= 0 and <= 50, nameof(MaxRedrives), MaxRedrives, "must be between 0 and 50");
        Check(problems, FirstBackoff > TimeSpan.Zero && FirstBackoff <= MaxBackoff, nameof(FirstBackoff), FirstBackoff, "must be positive and at most MaxBackoff");
        Check(problems, Retention >= TimeSpan.FromSeconds(1), nameof(Retention), Retention, "must be at least 1 s");
        Check(problems, ScanLookback > GracePeriod, nameof(ScanLookback), ScanLookback, "must be longer than GracePeriod");
        return problems;
    }

    private static void Check(List<string> problems, bool ok, string name, object value, string rule)
    {
        if (!ok)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}__{name} {value} {rule}."));
        }
    }
}
