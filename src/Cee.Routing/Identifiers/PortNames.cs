using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Cee.Routing.Identifiers;

/// <summary>
/// Names of the Schedule D ports the Centers see most. Not the whole of Schedule D: a code that is
/// missing here is still a valid port code (<see cref="PortCode.IsKnown"/> is false), so only ports
/// whose code is certain are listed; a wrong name would be worse than none.
/// </summary>
public static class PortNames
{
    private static readonly FrozenDictionary<int, string> Names = new Dictionary<int, string>
    {
        [401] = "Boston",
        [901] = "Buffalo-Niagara Falls",
        [1001] = "New York",
        [1703] = "Savannah",
        [1704] = "Atlanta",
        [2002] = "New Orleans",
        [2006] = "Memphis",
        [2304] = "Laredo",
        [2501] = "San Diego",
        [2704] = "Los Angeles",
        [2709] = "Long Beach",
        [2809] = "San Francisco",
        [3001] = "Seattle",
        [3801] = "Detroit",
        [3901] = "Chicago",
        [4601] = "Newark",
        [4701] = "JFK Airport",
        [5201] = "Miami",
        [5301] = "Houston",
        [5501] = "Dallas/Fort Worth",
    }.ToFrozenDictionary();

    /// <summary>Every listed port: code (e.g. 2704) to name.</summary>
    public static IReadOnlyDictionary<int, string> All => Names;

    /// <summary>The name of the port with this 4-digit code, e.g. "Los Angeles" for 2704.</summary>
    public static bool TryGetName(int code, [NotNullWhen(true)] out string? name) => Names.TryGetValue(code, out name);
}
