namespace Cee.Routing.Dis;

/// <summary>
/// The children a DIS element may have, in the schema's order: which may repeat, which hold
/// elements rather than text, and whether they are a choice (exactly one of them).
/// </summary>
internal sealed class ElementSequence(string parent, string[] children, string[]? repeating = null, string[]? complex = null, bool choice = false)
{
    public string Parent { get; } = parent;

    /// <summary>A choice (MessageBody) has no order and holds one child.</summary>
    public bool IsChoice { get; } = choice;

    /// <summary>Position of <paramref name="name"/> in the schema's sequence, or -1 when the schema does not allow it here.</summary>
    public int IndexOf(string name) => Array.IndexOf(children, name);

    /// <summary>True for children with maxOccurs &gt; 1.</summary>
    public bool Repeats(string name) => repeating is not null && Array.IndexOf(repeating, name) >= 0;

    /// <summary>True for children that hold elements, which a text read must skip rather than read.</summary>
    public bool IsComplex(string name) => complex is not null && Array.IndexOf(complex, name) >= 0;

    public int Count => children.Length;
}
