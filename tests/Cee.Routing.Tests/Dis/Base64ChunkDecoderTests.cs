using System.Text;
using Cee.Routing.Dis;
using FsCheck;
using FsCheck.Fluent;

namespace Cee.Routing.Tests.Dis;

/// <summary>The chunked decoder against <see cref="Convert.FromBase64String"/> for any split and any whitespace.</summary>
public class Base64ChunkDecoderTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void TryDecode_AnyBytesAnyWhitespaceAnyChunking_DecodesTheSameBytes() =>
        Check.One(Runs, Prop.ForAll(
            ArbMap.Default.GeneratorFor<byte[]>().ToArbitrary(),
            ArbMap.Default.GeneratorFor<int>().ToArbitrary(),
            (bytes, seed) =>
            {
                var random = new Random(seed);
                var text = Sprinkle(Convert.ToBase64String(bytes), random);
                return Decode(text, random).Bytes.SequenceEqual(bytes);
            }));

    [Fact]
    public void TryDecode_LargeTextAcrossManyChunks_DecodesTheSameBytes()
    {
        var random = new Random(42);
        var bytes = new byte[1_000_003];
        random.NextBytes(bytes);

        var (ok, decoded) = Decode(Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks), random);

        Assert.True(ok);
        Assert.Equal(bytes, decoded);
    }

    [Theory]
    [InlineData("QUJD*")]
    [InlineData("QUJDRA==QUJD")]
    [InlineData("QQ==\nQQ==")]
    [InlineData("QUJDR")]
    [InlineData("QUJDRA")]
    [InlineData("QUJD\u00e9")]
    [InlineData("=QUJ")]
    public void TryDecode_InvalidText_FailsWhateverTheChunking(string text)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.False(Decode(text, new Random(seed)).Ok, $"seed {seed}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void TryDecode_OnlyWhitespace_DecodesToNothing(string text)
    {
        var (ok, bytes) = Decode(text, new Random(1));

        Assert.True(ok);
        Assert.Empty(bytes);
    }

    private static (bool Ok, byte[] Bytes) Decode(string text, Random random)
    {
        using var decoder = new Base64ChunkDecoder();
        var output = new List<byte>();
        var position = 0;
        while (position < text.Length)
        {
            var take = Math.Min(text.Length - position, 1 + random.Next(Math.Min(Base64ChunkDecoder.ChunkChars, 1 + (random.Next(4) == 0 ? 70_000 : 13))));
            text.AsSpan(position, take).CopyTo(decoder.Chars);
            position += take;
            if (!decoder.TryDecode(take, out var decoded))
            {
                return (false, []);
            }

            output.AddRange(decoded.ToArray());
        }

        if (!decoder.TryFinish(out var last))
        {
            return (false, []);
        }

        output.AddRange(last.ToArray());
        return (true, [.. output]);
    }

    private static string Sprinkle(string text, Random random)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var ch in text)
        {
            if (random.Next(5) == 0)
            {
                builder.Append(" \t\r\n"[random.Next(4)]);
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }
}
