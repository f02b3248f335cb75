using BlazorSession.App.Session;

namespace BlazorSession.Tests.Session;

public class UsernameRulesTests
{
    [Theory]
    [InlineData("Ada")]
    [InlineData("  Ada  ")]
    [InlineData("José Ñúñez")]
    [InlineData("李小龍")]
    [InlineData("שלום")]
    [InlineData("🎉🦄")]
    [InlineData("<script>alert(1)</script> & \"quotes\" 'single'")]
    public void Validate_AcceptsOrdinaryText(string input) => Assert.Null(UsernameRules.Validate(input));

    [Fact]
    public void Validate_AcceptsExactly64Characters() =>
        Assert.Null(UsernameRules.Validate(new string('x', UsernameRules.MaxLength)));

    [Fact]
    public void Validate_Counts64EmojiAsCharacters_NotCodeUnits() =>
        Assert.Null(UsernameRules.Validate(string.Concat(Enumerable.Repeat("😀", UsernameRules.MaxLength))));

    [Theory]
    [InlineData(null, UsernameRules.BlankMessage)]
    [InlineData("", UsernameRules.BlankMessage)]
    [InlineData(" \t ", UsernameRules.BlankMessage)]
    [InlineData("a\tb", UsernameRules.ControlCharacterMessage)]
    [InlineData("a\nb", UsernameRules.ControlCharacterMessage)]
    [InlineData("a\u0000b", UsernameRules.ControlCharacterMessage)]
    [InlineData("a\u007fb", UsernameRules.ControlCharacterMessage)]
    public void Validate_RejectsWithAMessage(string? input, string expected) =>
        Assert.Equal(expected, UsernameRules.Validate(input));

    [Fact]
    public void Validate_Rejects65Characters() =>
        Assert.Equal(UsernameRules.TooLongMessage, UsernameRules.Validate(new string('x', UsernameRules.MaxLength + 1)));

    [Fact]
    public void Validate_RejectsAShortLookingNameThatIsHugeUnderneath()
    {
        var oneLetterWithAThousandAccents = "e" + new string('\u0301', 1000);

        Assert.Equal(UsernameRules.TooLongMessage, UsernameRules.Validate(oneLetterWithAThousandAccents));
    }

    [Fact]
    public void Normalize_Trims() => Assert.Equal("Ada", UsernameRules.Normalize("  Ada \u00a0"));
}
