namespace Cee.Routing.Directories;

/// <summary>One entry of a directory file before its fields are interpreted: strings by field name.</summary>
internal sealed class DirectoryRow(int number, int? line)
{
    private readonly Dictionary<string, string> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _lists = new(StringComparer.Ordinal);

    public int Number { get; } = number;

    public int? Line { get; } = line;

    /// <summary>The trimmed value, or null when the field is absent, null or blank.</summary>
    public string? Get(string field) => _scalars.TryGetValue(field, out var value) ? value : null;

    /// <summary>The trimmed, non-blank values of a list field (empty when absent).</summary>
    public IReadOnlyList<string> GetList(string field) => _lists.TryGetValue(field, out var values) ? values : [];

    public void Set(string field, string? value)
    {
        var trimmed = value?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            _scalars[field] = trimmed;
        }
    }

    public void SetList(string field, IEnumerable<string?> values) =>
        _lists[field] = [.. values.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];

    public DirectoryFileError Error(string? field, string message) => new(Number, Line, field, message);
}
