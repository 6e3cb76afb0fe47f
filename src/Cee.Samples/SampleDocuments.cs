using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Cee.Samples;

/// <summary>
/// Small, valid documents made by code (nothing downloaded): a one-page PDF with a line of text, an
/// RGB PNG, a grayscale TIFF in either byte order, a decodable grey JPEG, and bytes that only carry
/// the JPEG signature (for type-detection tests).
/// </summary>
public static class SampleDocuments
{
    /// <summary>A one-page PDF 1.4 showing <paramref name="text"/>, with a correct cross-reference table.</summary>
    public static byte[] Pdf(string text = "Commercial Invoice 002-6110316-2")
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        var content = $"BT /F1 18 Tf 72 720 Td ({escaped}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>An 8-bit RGB PNG of a diagonal gradient.</summary>
    public static byte[] Png(int width = 16, int height = 8)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + (x * 3)] = (byte)(x * 255 / Math.Max(1, width - 1));
                raw[row + 2 + (x * 3)] = (byte)(y * 255 / Math.Max(1, height - 1));
                raw[row + 3 + (x * 3)] = 0x80;
            }
        }

        var compressed = StoredZlib(raw);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>An uncompressed 8-bit grayscale baseline TIFF, little-endian (<c>II*\0</c>) or big-endian (<c>MM\0*</c>).</summary>
    public static byte[] Tiff(int width = 8, int height = 4, bool bigEndian = false)
    {
        const int entries = 8;
        var ifdOffset = 8;
        var ifdSize = 2 + (entries * 12) + 4;
        var dataOffset = ifdOffset + ifdSize;
        var tiff = new byte[dataOffset + (width * height)];
        void U16(int at, int value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)value);
            }
        }

        void U32(int at, int value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteInt32BigEndian(tiff.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(at), value);
            }
        }

        tiff[0] = tiff[1] = (byte)(bigEndian ? 'M' : 'I');
        U16(2, 42);
        U32(4, ifdOffset);
        U16(ifdOffset, entries);
        (int Tag, int Type, int Value)[] fields =
        [
            (256, 3, width), (257, 3, height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
            (273, 4, dataOffset), (278, 3, height), (279, 4, width * height),
        ];
        for (var i = 0; i < fields.Length; i++)
        {
            var at = ifdOffset + 2 + (i * 12);
            U16(at, fields[i].Tag);
            U16(at + 2, fields[i].Type);
            U32(at + 4, 1);
            if (fields[i].Type == 3)
            {
                U16(at + 8, fields[i].Value);
            }
            else
            {
                U32(at + 8, fields[i].Value);
            }
        }

        U32(ifdOffset + 2 + (entries * 12), 0);
        for (var i = 0; i < width * height; i++)
        {
            tiff[dataOffset + i] = (byte)(i * 7);
        }

        return tiff;
    }

    /// <summary>
    /// A decodable baseline JPEG: one 8×8 block of mid-grey. Written by hand: quantization table of
    /// ones, Huffman tables of one symbol each (DC category 0, AC end-of-block), so the whole scan is
    /// the two bits "00" padded with ones.
    /// </summary>
    /// <param name="comment">Written as a COM segment when given, which makes otherwise equal images differ.</param>
    public static byte[] Jpeg(string? comment = null)
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };                                   // SOI
        jpeg.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]); // APP0 JFIF 1.1
        if (comment is not null)
        {
            var text = Encoding.ASCII.GetBytes(comment);
            jpeg.AddRange([0xFF, 0xFE, (byte)((text.Length + 2) >> 8), (byte)(text.Length + 2)]);   // COM
            jpeg.AddRange(text);
        }

        jpeg.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);                               // DQT: table 0, 8-bit
        jpeg.AddRange(Enumerable.Repeat((byte)1, 64));
        jpeg.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]); // SOF0: 8×8, 1 component
        foreach (var tableClass in new byte[] { 0x00, 0x10 })                        // DHT: DC 0, then AC 0
        {
            jpeg.AddRange([0xFF, 0xC4, 0x00, 0x14, tableClass, 0x01]);              // one code of length 1 ...
            jpeg.AddRange(Enumerable.Repeat((byte)0, 15));
            jpeg.Add(0x00);                                                          // ... for symbol 0
        }

        jpeg.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]); // SOS
        jpeg.Add(0x3F);                                                              // "00" + padding ones
        jpeg.AddRange([0xFF, 0xD9]);                                                 // EOI
        return [.. jpeg];
    }

    /// <summary>Bytes that start with the JPEG/JFIF signature (enough for type detection; not a decodable image).</summary>
    public static byte[] JpegSignature() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>Random bytes of a given size, the same for the same seed (stand-ins for large scans).</summary>
    public static byte[] Random(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// A zlib stream of stored (uncompressed) deflate blocks, written by hand so the bytes are the same
    /// on every runtime (a compressor's output may change between versions; committed samples may not).
    /// </summary>
    private static byte[] StoredZlib(byte[] data)
    {
        using var zlib = new MemoryStream();
        zlib.Write([0x78, 0x01]);
        var offset = 0;
        do
        {
            var length = Math.Min(65_535, data.Length - offset);
            zlib.WriteByte((byte)(offset + length == data.Length ? 1 : 0));
            zlib.Write([(byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)]);
            zlib.Write(data, offset, length);
            offset += length;
        }
        while (offset < data.Length);

        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65_521;
            b = (b + a) % 65_521;
        }

        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, (b << 16) | a);
        zlib.Write(adler);
        return zlib.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
