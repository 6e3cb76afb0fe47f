namespace Cee.Cli.Review;

/// <summary>
/// What the local review desk answers a request with: an HTTP status and a body (a contract to
/// send as JSON, or a <see cref="ReviewDocumentFile"/>), or a problem's title and detail, sent as
/// RFC 9457 problem details like the Functions app's.
/// </summary>
public sealed record ReviewDeskAnswer(int Status, object? Body, string? Title = null, string? Detail = null)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public static ReviewDeskAnswer Ok(object body) => new(200, body);

    public static ReviewDeskAnswer BadRequest(string title, string detail) => new(400, null, title, detail);

    public static ReviewDeskAnswer NotFound(string title, string detail) => new(404, null, title, detail);

    public static ReviewDeskAnswer Conflict(string title, string detail) => new(409, null, title, detail);

    public static ReviewDeskAnswer Failed(string title, string detail) => new(500, null, title, detail);
}
