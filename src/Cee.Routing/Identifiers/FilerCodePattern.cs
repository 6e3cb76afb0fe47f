namespace Cee.Routing.Identifiers;

/// <summary>
/// The shape of an entry filer code, N for a digit and A for a letter (CATAIR Appendix E lists
/// NNN, ANN, AAN, AAA, ANA, NAN, NNA and NAA). The eight patterns are every combination, so any
/// three letters or digits form a valid filer code; the pattern is kept because CBP documents
/// and filer-code tables speak in these terms.
/// </summary>
public enum FilerCodePattern
{
    None = 0,
    NNN,
    ANN,
    AAN,
    AAA,
    ANA,
    NAN,
    NNA,
    NAA,
}
