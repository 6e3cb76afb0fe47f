using Cee.Routing.Centers;

namespace Cee.Routing.Htsus;

/// <summary>How many lines point to a Center.</summary>
public sealed record CenterLineCount(Center Center, int Lines);
