using System.Globalization;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Intake;

/// <summary>
/// Gathers the findings of one drop: masks SSN-like digits in every message (the last line of
/// defence: no finding ever carries an unmasked SSN), keeps at most a number per code with a summary
/// of the rest, orders errors first, and gives the verdict.
/// </summary>
internal sealed class FindingCollector(int maxPerCode)
{
    private readonly List<Finding> _kept = [];
    private readonly Dictionary<string, (FindingSeverity Severity, int Count)> _byCode = new(StringComparer.Ordinal);

    public void Add(string code, FindingSeverity severity, string message, string? path = null) =>
        Add(new Finding(code, severity, message, path));

    public void Add(Finding finding)
    {
        var (severity, count) = _byCode.GetValueOrDefault(finding.Code, (finding.Severity, 0));
        _byCode[finding.Code] = (severity > finding.Severity ? severity : finding.Severity, count + 1);
        if (count < maxPerCode)
        {
            _kept.Add(finding with { Message = SsnRedaction.Redact(finding.Message) });
        }
    }

    public void AddRange(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            Add(finding);
        }
    }

    public bool HasError => _byCode.Values.Any(v => v.Severity == FindingSeverity.Error);

    /// <summary>Reject on any error, warn on any warning, else accept.</summary>
    public IntakeVerdict Verdict =>
        HasError ? IntakeVerdict.Reject
        : _byCode.Values.Any(v => v.Severity == FindingSeverity.Warning) ? IntakeVerdict.Warn
        : IntakeVerdict.Accept;

    /// <summary>The findings, errors first, then warnings, then information, each in the order found.</summary>
    public IReadOnlyList<Finding> Build()
    {
        var all = new List<Finding>(_kept);
        foreach (var (code, (severity, count)) in _byCode)
        {
            if (count > maxPerCode)
            {
                all.Add(new Finding(code, severity, string.Create(CultureInfo.InvariantCulture, $"… and {count - maxPerCode:N0} more {code} findings like the ones above")));
            }
        }

        return [.. all.OrderByDescending(f => f.Severity)];
    }
}
