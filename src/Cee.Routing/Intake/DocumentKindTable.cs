using System.Text;
using System.Text.Json;

namespace Cee.Routing.Intake;

/// <summary>
/// DocumentLabel patterns to <see cref="DocumentKind"/>: the first matching row wins. Labels and
/// patterns compare without regard to case, spacing or punctuation (<c>CF-28</c>, <c>cf 28</c> and
/// <c>CF 28</c> are the same), and <c>*</c> in a pattern stands for any text. The table is data:
/// embedded in the core, and a deployment can put an override file's rows in front of it without a
/// rebuild (docs/intake.md).
/// </summary>
public sealed class DocumentKindTable
{
    private const string EmbeddedResource = "Cee.Routing.Intake.document-kinds.json";

    private static readonly Lazy<DocumentKindTable> LazyEmbedded = new(LoadEmbedded);

    private readonly DocumentKindRule[] _rules;
    private readonly string[] _patterns;

    private DocumentKindTable(string version, IReadOnlyList<DocumentKindRule> rules)
    {
        Version = version;
        _rules = [.. rules];
        _patterns = [.. _rules.Select(r => Normalize(r.Label, keepStars: true))];
    }

    /// <summary>The table shipped in this build.</summary>
    public static DocumentKindTable Embedded => LazyEmbedded.Value;

    /// <summary>The table's version, with the override's when one was applied.</summary>
    public string Version { get; }

    /// <summary>Every row, in matching order.</summary>
    public IReadOnlyList<DocumentKindRule> Rules => _rules;

    /// <summary>Reads a complete table.</summary>
    public static DocumentKindTable Load(Stream json, string origin)
    {
        var (version, rows) = ReadRows(json, origin);
        return new DocumentKindTable(version ?? throw new DocumentKindTableException($"{origin}: the table has no 'version'."), rows);
    }

    /// <summary>The embedded table with the rows of an override file matched first.</summary>
    public static DocumentKindTable LoadWithOverride(string overrideFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(overrideFilePath);
        using var stream = File.OpenRead(overrideFilePath);
        return Embedded.WithOverride(stream, Path.GetFileName(overrideFilePath));
    }

    /// <summary>This table with the rows of <paramref name="overrideJson"/> matched before its own.</summary>
    public DocumentKindTable WithOverride(Stream overrideJson, string origin)
    {
        var (version, rows) = ReadRows(overrideJson, origin);
        return new DocumentKindTable($"{Version}+{version ?? origin}", [.. rows, .. _rules]);
    }

    /// <summary>The first row whose pattern matches <paramref name="label"/>, or null.</summary>
    public DocumentKindRule? Match(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var normalized = Normalize(label, keepStars: false);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (GlobMatches(_patterns[i], normalized))
            {
                return _rules[i];
            }
        }

        return null;
    }

    /// <summary>Upper case, every run of other characters than letters and digits (and <c>*</c> in a pattern) as one space.</summary>
    internal static string Normalize(string text, bool keepStars)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) || (keepStars && ch == '*'))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToUpperInvariant(ch));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Glob match where <c>*</c> is any text (greedy with backtracking to the last star: linear in practice).</summary>
    internal static bool GlobMatches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static DocumentKindTable LoadEmbedded()
    {
        using var stream = typeof(DocumentKindTable).Assembly.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedResource} is missing from the build.");
        var (version, rows) = ReadRows(stream, "embedded");
        var origin = $"embedded {version}";
        return new DocumentKindTable(version!, rows.Select(r => r with { Origin = origin }).ToList());
    }

    private static (string? Version, List<DocumentKindRule> Rows) ReadRows(Stream json, string origin)
    {
        DocumentKindDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, DocumentKindJsonContext.Default.DocumentKindDocument);
        }
        catch (JsonException ex)
        {
            throw new DocumentKindTableException($"{origin}: not a label table: {ex.Message}", ex);
        }

        if (document?.Labels is null)
        {
            throw new DocumentKindTableException($"{origin}: the table has no 'labels' array.");
        }

        var rows = new List<DocumentKindRule>(document.Labels.Count);
        for (var i = 0; i < document.Labels.Count; i++)
        {
            var row = document.Labels[i];
            if (string.IsNullOrWhiteSpace(row.Label) || Normalize(row.Label, keepStars: true).Length == 0)
            {
                throw new DocumentKindTableException($"{origin}: labels[{i}] has no 'label' pattern.");
            }

            var kind = Enum.GetValues<DocumentKind>().Cast<DocumentKind?>().FirstOrDefault(k => k!.Value.ToWireName() == row.Kind)
                ?? throw new DocumentKindTableException(
                    $"{origin}: labels[{i}] '{row.Label}': unknown kind '{row.Kind}'; use one of {string.Join(", ", DocumentKindNames.All)}.");
            rows.Add(new DocumentKindRule(row.Label.Trim(), kind, origin));
        }

        return (document.Version, rows);
    }
}
