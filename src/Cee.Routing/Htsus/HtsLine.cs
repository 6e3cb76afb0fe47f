using Cee.Routing.Identifiers;

namespace Cee.Routing.Htsus;

/// <summary>One commodity line: its HTSUS number and, when known, its entry line number.</summary>
public readonly record struct HtsLine(HtsNumber Hts, int? LineNumber = null);
