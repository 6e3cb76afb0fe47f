using System.Text.Json.Serialization;
using Cee.Routing.Centers;

namespace Cee.Routing.Review;

/// <summary>The answer of <c>GET api/reviews</c>: every Center a reviewer may choose, and the items awaiting review, oldest first.</summary>
public sealed record ReviewWorklistView(
    [property: JsonPropertyName("centers")] IReadOnlyList<ReviewCenterChoice> Centers,
    [property: JsonPropertyName("items")] IReadOnlyList<ReviewItem> Items)
{
    /// <summary>The view of <paramref name="items"/> with the catalog's Centers.</summary>
    public static ReviewWorklistView Of(IReadOnlyList<ReviewItem> items) =>
        new([.. CenterCatalog.Default.All.Select(c => new ReviewCenterChoice(c.Id, c.Name))], items);
}
