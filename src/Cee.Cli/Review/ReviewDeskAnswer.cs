namespace Cee.Cli.Review;

/// <summary>What the local review desk answers a request with: an HTTP status, and a body or the problem's title and detail.</summary>
public sealed record ReviewDeskAnswer(int Status, object? Body, string? Title = null, string? Detail = null)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public static ReviewDeskAnswer Ok(object body) => new(200, body);

    public static ReviewDeskAnswer Problem(int status, string title, string detail) => new(status, null, title, detail);
}
