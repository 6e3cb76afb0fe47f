namespace Cee.Triage;

/// <summary>The media type a stored document is served with, from the type its bytes show (never from a name the drop gave).</summary>
public static class DocumentMediaTypes
{
    public static string Of(string? detectedType) => detectedType switch
    {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpeg" => "image/jpeg",
        "tiff" => "image/tiff",
        _ => "application/octet-stream",
    };
}
