using Cee.Routing.Centers;

namespace Cee.Routing.Messages;

/// <summary>Topic names, from the one topology the core, Bicep and the emulator config share.</summary>
public static class Topics
{
    /// <summary>The topic of a Center, e.g. <c>cee007</c>.</summary>
    public static string ForCenter(string centerId) => CenterCatalog.Default.Get(centerId).Topic;

    /// <summary>The topic of documents awaiting a person.</summary>
    public static string Triage => CenterCatalog.Default.TriageTopic;
}
