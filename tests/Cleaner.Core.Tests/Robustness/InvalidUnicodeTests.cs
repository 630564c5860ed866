using Cleaner.Core.Input;

namespace Cleaner.Core.Tests.Robustness;

/// <summary>Found by the fuzzer: text with a lone surrogate or U+FFFE (a BOM inside UTF-16 text) made Unicode
/// normalisation throw.</summary>
public class InvalidUnicodeTests
{
    [Theory]
    [InlineData("Lone \uD800 high surrogate in a sentence of text.")]
    [InlineData("Lone \uDC00 low surrogate in a sentence of text.")]
    [InlineData("A byte-swapped BOM \uFFFE inside the text, and \uFFFF too.")]
    public void InvalidCodePointsAreReplacedAndTheTextIsCleaned(string text)
    {
        var fixedText = TextDecoder.ReplaceInvalidUnicode(text);
        Assert.Contains('\uFFFD', fixedText);
        Assert.True(fixedText.IsNormalized());
        var result = new CleanerPipeline().Clean(InputDocument.FromText("t", text));
        Assert.NotNull(result.Article);
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes(text + "\n" + text)).ToArray();
        Assert.NotNull(new CleanerPipeline().Clean(InputDocument.FromBytes("u", utf16)).Article);
    }

    [Fact]
    public void ValidTextIsReturnedAsIs()
    {
        var text = "Emoji 😀 and accents é stay.";
        Assert.Same(text, TextDecoder.ReplaceInvalidUnicode(text));
    }
}
