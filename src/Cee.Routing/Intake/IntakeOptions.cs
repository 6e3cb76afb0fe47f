using Cee.Routing.Dis;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Intake;

/// <summary>How <see cref="DropIntake"/> reads and checks drops. Every default is documented in docs/intake.md.</summary>
public sealed record IntakeOptions
{
    /// <summary>The defaults below: development importer keys, the embedded label table, the reader's default limits.</summary>
    public static IntakeOptions Default { get; } = new();

    /// <summary>The DIS reader's limits (<see cref="DisReaderOptions.Default"/>).</summary>
    public DisReaderOptions Reader { get; init; } = DisReaderOptions.Default;

    /// <summary>
    /// Derives importer lookup keys (<see cref="ImporterRef.LookupKey"/>). Default
    /// <see cref="ImporterLookupKeys.Development"/>; a deployment passes its own secret's keys.
    /// </summary>
    public ImporterLookupKeys ImporterKeys { get; init; } = ImporterLookupKeys.Development;

    /// <summary>DocumentLabel patterns to document kinds (<see cref="DocumentKindTable.Embedded"/>, or with an override file applied).</summary>
    public DocumentKindTable DocumentKinds { get; init; } = DocumentKindTable.Embedded;

    /// <summary>Bytes of a sidecar manifest at most (default 64 KiB); a larger one is ignored with a finding.</summary>
    public int MaxManifestBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Findings kept per code (default 25); the rest are counted in one summary finding of the same
    /// code, so a package with 10,000 malformed HTS numbers still has a readable result.
    /// </summary>
    public int MaxFindingsPerCode { get; init; } = 25;
}
