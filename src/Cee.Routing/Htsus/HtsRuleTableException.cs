namespace Cee.Routing.Htsus;

/// <summary>An HTSUS rules table that cannot be used, with the row that is wrong.</summary>
public sealed class HtsRuleTableException : Exception
{
    public HtsRuleTableException()
    {
    }

    public HtsRuleTableException(string message)
        : base(message)
    {
    }

    public HtsRuleTableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HtsRuleTableException(string origin, int rowIndex, string? rowKey, string problem)
        : base($"{origin}: rules[{rowIndex}] '{rowKey}': {problem}")
    {
        Origin = origin;
        RowIndex = rowIndex;
        RowKey = rowKey;
    }

    /// <summary>The table (embedded version or file) the row is in.</summary>
    public string? Origin { get; }

    /// <summary>Zero-based index of the row in its table, or -1 when the problem is not one row's.</summary>
    public int RowIndex { get; } = -1;

    /// <summary>The row's <c>hts</c> value as written.</summary>
    public string? RowKey { get; }
}
