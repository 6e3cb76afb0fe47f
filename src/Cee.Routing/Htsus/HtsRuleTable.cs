using System.Globalization;
using System.Text.Json;
using Cee.Routing.Centers;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Htsus;

/// <summary>
/// The HTSUS-to-Center rules: chapter, heading and subheading rows, longest prefix wins.
/// Loading validates the whole table; classification is a few array reads and never allocates.
/// </summary>
public sealed class HtsRuleTable
{
    private const string EmbeddedResource = "Cee.Routing.Htsus.htsus-center-rules.json";
    private const int NoRule = -1;

    private static readonly Lazy<HtsRuleTable> LazyEmbedded = new(LoadEmbedded);

    private readonly HtsRule[] _rules;

    // Index into _rules for every chapter (0–99) and every heading (0–9999); NoRule where none.
    private readonly int[] _byChapter = new int[100];
    private readonly int[] _byHeading = new int[10_000];

    // Subheading rows are rare: a flag per heading says whether to look, then a short sorted scan.
    private readonly bool[] _headingHasSubheadingRows = new bool[10_000];
    private readonly HtsRule[] _subheadingRows;

    private HtsRuleTable(string version, IReadOnlyList<HtsRule> rules)
    {
        Version = version;
        _rules = [.. rules];
        Array.Fill(_byChapter, NoRule);
        Array.Fill(_byHeading, NoRule);
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            switch (rule.Digits)
            {
                case 2:
                    Array.Fill(_byChapter, i, rule.From, rule.To - rule.From + 1);
                    break;
                case 4:
                    Array.Fill(_byHeading, i, rule.From, rule.To - rule.From + 1);
                    break;
                default:
                    for (var heading = rule.From / 100; heading <= rule.To / 100; heading++)
                    {
                        _headingHasSubheadingRows[heading] = true;
                    }

                    break;
            }
        }

        _subheadingRows = [.. _rules.Where(r => r.Digits == 6).OrderBy(r => r.From)];
    }

    /// <summary>The table shipped in this build.</summary>
    public static HtsRuleTable Embedded => LazyEmbedded.Value;

    /// <summary>The version of the table, with the override's when one was applied (e.g. <c>2026-11-22+override</c>).</summary>
    public string Version { get; }

    /// <summary>Every row, in load order.</summary>
    public IReadOnlyList<HtsRule> Rules => _rules;

    /// <summary>
    /// The embedded table with the rows of an override file applied: an override row with the same
    /// range as an embedded row replaces it, any other row is added. The result is validated as a whole.
    /// </summary>
    public static HtsRuleTable LoadWithOverride(string overrideFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(overrideFilePath);
        using var stream = File.OpenRead(overrideFilePath);
        return Embedded.WithOverride(stream, Path.GetFileName(overrideFilePath));
    }

    /// <summary>This table with the rows of <paramref name="overrideJson"/> applied (see <see cref="LoadWithOverride"/>).</summary>
    public HtsRuleTable WithOverride(Stream overrideJson, string origin)
    {
        var (overrideVersion, overrideRows) = ReadRows(overrideJson, origin);
        var merged = _rules.ToList();
        foreach (var row in overrideRows)
        {
            var same = merged.FindIndex(r => r.SameRangeAs(row));
            if (same >= 0)
            {
                merged[same] = row;
            }
            else
            {
                merged.Add(row);
            }
        }

        var version = overrideVersion is null ? $"{Version}+{origin}" : $"{Version}+{overrideVersion}";
        return Build(version, merged, origin);
    }

    /// <summary>Reads and validates a complete table.</summary>
    public static HtsRuleTable Load(Stream json, string origin)
    {
        var (version, rows) = ReadRows(json, origin);
        return Build(version ?? throw new HtsRuleTableException($"{origin}: the table has no 'version'."), rows, origin);
    }

    /// <summary>The Center of one number: the longest matching prefix's row.</summary>
    public HtsClassification Classify(HtsNumber hts)
    {
        if (hts.IsSpecialProvision)
        {
            return new HtsClassification(hts, HtsClassificationOutcome.SpecialProvision, null);
        }

        if (hts.DigitCount >= 6 && _headingHasSubheadingRows[hts.Heading])
        {
            var subheading = hts.Subheading;
            foreach (var row in _subheadingRows)
            {
                if (row.Contains(subheading))
                {
                    return new HtsClassification(hts, HtsClassificationOutcome.Matched, row);
                }
            }
        }

        var index = hts.DigitCount >= 4 ? _byHeading[hts.Heading] : NoRule;
        if (index == NoRule)
        {
            index = _byChapter[hts.Chapter];
        }

        return index == NoRule
            ? new HtsClassification(hts, HtsClassificationOutcome.NoRule, null)
            : new HtsClassification(hts, HtsClassificationOutcome.Matched, _rules[index]);
    }

    /// <summary>
    /// Classifies the lines of an entry or a document and finds the predominant Center by count of
    /// lines. Chapter 98/99 numbers are skipped. Numbers on the same line number count once per
    /// Center. A tie is reported, never broken.
    /// </summary>
    public LinesClassification ClassifyLines(IEnumerable<HtsLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var results = new List<LineClassification>();
        var counted = new HashSet<(int Line, string Center)>();
        var tally = new Dictionary<string, (Center Center, int Lines)>(StringComparer.Ordinal);
        var ordinal = 0;
        foreach (var line in lines)
        {
            ordinal++;
            var classification = Classify(line.Hts);
            var counts = false;
            if (classification.Center is { } center)
            {
                // Unnumbered lines are distinct by position; numbered ones by their number.
                var lineKey = line.LineNumber ?? -ordinal;
                counts = counted.Add((lineKey, center.Id));
                if (counts)
                {
                    tally[center.Id] = tally.TryGetValue(center.Id, out var t) ? (center, t.Lines + 1) : (center, 1);
                }
            }

            results.Add(new LineClassification(line, classification, counts));
        }

        var ordered = tally.Values
            .OrderByDescending(t => t.Lines)
            .ThenBy(t => t.Center.Id, StringComparer.Ordinal)
            .Select(t => new CenterLineCount(t.Center, t.Lines))
            .ToList();
        return new LinesClassification(results, ordered);
    }

    private static HtsRuleTable LoadEmbedded()
    {
        using var stream = typeof(HtsRuleTable).Assembly.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedResource} is missing from the build.");
        var (version, rows) = ReadRows(stream, "embedded");
        var origin = $"embedded {version}";
        return Build(version!, rows.Select(r => r with { Origin = origin }).ToList(), origin);
    }

    private static (string? Version, List<HtsRule> Rows) ReadRows(Stream json, string origin)
    {
        HtsRuleDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, HtsRuleJsonContext.Default.HtsRuleDocument);
        }
        catch (JsonException ex)
        {
            throw new HtsRuleTableException($"{origin}: not a rules table: {ex.Message}", ex);
        }

        if (document?.Rules is null)
        {
            throw new HtsRuleTableException($"{origin}: the table has no 'rules' array.");
        }

        var rows = new List<HtsRule>(document.Rules.Count);
        for (var i = 0; i < document.Rules.Count; i++)
        {
            rows.Add(ParseRow(document.Rules[i], i, origin));
        }

        return (document.Version, rows);
    }

    private static HtsRule ParseRow(HtsRuleRow row, int index, string origin)
    {
        HtsRuleTableException Fail(string problem) => new(origin, index, row.Hts, problem);

        var (digits, from, to) = ParseRange(row.Hts) ?? throw Fail(
            "'hts' must be a chapter, heading or subheading prefix (2, 4 or 6 digits) or a range of two same-length prefixes, e.g. 8470-8473");
        if (from > to)
        {
            throw Fail("the range runs backwards");
        }

        if (!CenterCatalog.Default.TryGet(row.Center, out var center))
        {
            throw Fail($"unknown Center: {CenterCatalog.DescribeUnknown(row.Center)}");
        }

        RuleProvenance provenance;
        string? source;
        switch (row.Provenance)
        {
            case "official":
                provenance = RuleProvenance.Official;
                source = row.Source;
                if (string.IsNullOrWhiteSpace(source))
                {
                    throw Fail("an official row must name its notice in 'source'");
                }

                break;
            case "inferred":
                provenance = RuleProvenance.Inferred;
                source = row.Reason;
                if (string.IsNullOrWhiteSpace(source))
                {
                    throw Fail("an inferred row must say why in 'reason'");
                }

                break;
            default:
                throw Fail($"'provenance' must be \"official\" or \"inferred\", not '{row.Provenance}'");
        }

        if (!DateOnly.TryParseExact(row.Effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
        {
            throw Fail($"'effective' must be a date written yyyy-MM-dd, not '{row.Effective}'");
        }

        return new HtsRule(row.Hts!.Trim(), digits, from, to, center, provenance, source!, effective, origin);
    }

    // "84", "8470-8473", "847130", "2801-3302": same-length prefixes of 2, 4 or 6 digits.
    private static (int Digits, int From, int To)? ParseRange(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        var dash = span.IndexOf('-');
        var first = dash < 0 ? span : span[..dash].Trim();
        var last = dash < 0 ? span : span[(dash + 1)..].Trim();
        if (first.Length != last.Length || first.Length is not (2 or 4 or 6) ||
            !IsDigits(first) || !IsDigits(last))
        {
            return null;
        }

        return (first.Length, int.Parse(first, CultureInfo.InvariantCulture), int.Parse(last, CultureInfo.InvariantCulture));
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var ch in span)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static HtsRuleTable Build(string version, List<HtsRule> rules, string origin)
    {
        RejectOverlaps(rules);
        RequireEveryChapter(rules, origin);
        return new HtsRuleTable(version, rules);
    }

    private static void RejectOverlaps(List<HtsRule> rules)
    {
        foreach (var level in rules.GroupBy(r => r.Digits))
        {
            var sorted = level.OrderBy(r => r.From).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                var (previous, current) = (sorted[i - 1], sorted[i]);
                if (current.From <= previous.To)
                {
                    throw new HtsRuleTableException(current.Origin, rules.IndexOf(current), current.Key,
                        $"overlaps row '{previous.Key}' ({previous.Origin}) at the same level; split one of them");
                }
            }
        }
    }

    // Every chapter 01–97 needs a chapter-level row, so that no valid number goes unclassified.
    // Chapter 77 is reserved in the HS and holds no numbers, so it needs none.
    private static void RequireEveryChapter(List<HtsRule> rules, string origin)
    {
        var covered = new bool[98];
        foreach (var rule in rules.Where(r => r.Digits == 2))
        {
            for (var chapter = rule.From; chapter <= Math.Min(rule.To, 97); chapter++)
            {
                covered[chapter] = true;
            }
        }

        var missing = Enumerable.Range(1, 97).Where(c => c != 77 && !covered[c]).ToList();
        if (missing.Count > 0)
        {
            throw new HtsRuleTableException(
                $"{origin}: no chapter-level row covers chapter(s) {string.Join(", ", missing.Select(c => c.ToString("00", CultureInfo.InvariantCulture)))}; every chapter 01-97 needs one.");
        }
    }
}
