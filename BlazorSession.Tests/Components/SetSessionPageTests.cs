using BlazorSession.App.Components.Pages;
using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components;

namespace BlazorSession.Tests.Components;

public class SetSessionPageTests : SessionComponentTestContext
{
    [Fact]
    public void Form_HasALabelledUsernameInputAndASaveButton()
    {
        var cut = Render<SetSession>();

        var label = cut.Find("label");
        Assert.Equal("Username", label.TextContent);
        Assert.Equal("username", label.GetAttribute("for"));
        Assert.NotNull(cut.Find("input#username"));
        var button = cut.Find("button[type=submit]");
        Assert.Equal("Save", button.TextContent);
        Assert.Equal("Set session", cut.Find("h1").TextContent);
    }

    /// <summary>
    /// The form is the page's own markup: under load, the form components (EditForm with the three it brings,
    /// InputText, InputCheckbox) built on every visit were most of what the server's collector copied
    /// (docs/decisions/2026-12-05-fewer-components-per-page.md).
    /// </summary>
    [Fact]
    public void Form_BuildsNoComponentsOfItsOwn_ThroughAFillAndASave()
    {
        var cut = Render<SetSession>();

        cut.Find("input#keep-signed-in").Change(true);
        cut.Find("input#username").Change("Ada");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
            Assert.Equal("Session data set successfully!", cut.Find("[role=status]").TextContent));
        Assert.Empty(cut.FindComponents<IComponent>());
    }

    /// <summary>The classes an input component would give its field, which the type-ahead script waits for.</summary>
    [Fact]
    public void Fields_AreMarkedModifiedAndValidated_AsTheyChange()
    {
        var cut = Render<SetSession>();
        Assert.Equal("valid", cut.Find("input#username").GetAttribute("class"));

        cut.Find("input#keep-signed-in").Change(true);
        cut.Find("input#username").Change(" ");

        Assert.Equal("modified valid", cut.Find("input#keep-signed-in").GetAttribute("class"));
        Assert.True(cut.Find("input#keep-signed-in").HasAttribute("checked"));
        var username = cut.Find("input#username");
        Assert.Equal("modified invalid", username.GetAttribute("class"));
        Assert.Equal("true", username.GetAttribute("aria-invalid"));

        cut.Find("input#username").Change("Ada");

        Assert.Equal("modified valid", cut.Find("input#username").GetAttribute("class"));
        Assert.False(cut.Find("input#username").HasAttribute("aria-invalid"));
    }

    [Fact]
    public void InputAndButton_AreDisabled_WhilePrerendering()
    {
        RenderAsPrerendered();

        var cut = Render<SetSession>();

        Assert.True(cut.Find("input#username").HasAttribute("disabled"));
        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void PrerenderedInput_IsMarkedForTheTypeAheadScript()
    {
        RenderAsPrerendered();

        var cut = Render<SetSession>();

        Assert.True(cut.Find("input#username").HasAttribute("data-type-ahead"));
    }

    [Fact]
    public void InputAndButton_AreEnabled_WhenInteractive()
    {
        var cut = Render<SetSession>();

        Assert.False(cut.Find("input#username").HasAttribute("disabled"));
        Assert.False(cut.Find("button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void Submitting_AName_StoresIt_AndConfirms()
    {
        var cut = Render<SetSession>();

        cut.Find("input#username").Change("  Ada Lovelace ");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
            cut.Find("[role=status]").MarkupMatches("<p role=\"status\" class=\"success\">Session data set successfully!</p>"));
        Assert.Equal("Ada Lovelace", Name.Username);
        Assert.Equal(("Ada Lovelace", null), StoredIn(Store));
    }

    [Theory]
    [InlineData("", UsernameRules.BlankMessage)]
    [InlineData("    ", UsernameRules.BlankMessage)]
    [InlineData("tab\there", UsernameRules.ControlCharacterMessage)]
    [InlineData("65 characters xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", UsernameRules.TooLongMessage)]
    public void Submitting_ABadName_ShowsWhy_AndKeepsTheStoredName(string input, string message)
    {
        StoreName("Ada");
        var writesBefore = Store.WriteCount;
        var cut = Render<SetSession>();

        cut.Find("input#username").Change(input);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(message, cut.Find(".validation-message").TextContent));
        Assert.Empty(cut.FindAll("[role=status]"));
        Assert.Equal(("Ada", null), StoredIn(Store));
        Assert.Equal(writesBefore, Store.WriteCount);
    }

    /// <summary>
    /// The message comes with the field's change, as a press on Save begins: above a control it would move that control
    /// under the pointer and the click would be lost (EndToEnd/ClickStressTests shows it in a browser).
    /// </summary>
    [Fact]
    public void ValidationMessage_ComesAfterEveryControlOfTheForm_AndDescribesTheField()
    {
        var cut = Render<SetSession>();

        cut.Find("input#username").Change(" ");

        var form = cut.Find("form");
        var message = cut.Find(".validation-message");
        var controls = form.QuerySelectorAll("input, button, a, select, textarea");
        var lastControl = controls[controls.Length - 1];
        Assert.Equal("Save", lastControl.TextContent);
        Assert.True(lastControl.CompareDocumentPosition(message).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        var describedBy = cut.Find("input#username").GetAttribute("aria-describedby");
        Assert.NotNull(describedBy);
        Assert.NotNull(cut.Find($"#{describedBy}").QuerySelector(".validation-message"));
    }

    [Fact]
    public void Submitting_Exactly64Characters_IsAccepted()
    {
        var name = new string('n', UsernameRules.MaxLength);
        var cut = Render<SetSession>();

        cut.Find("input#username").Change(name);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Session data set successfully!", cut.Find("[role=status]").TextContent));
        Assert.Equal(name, Name.Username);
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Fact]
    public void ABadSubmission_AfterAGoodOne_RemovesTheSuccessMessage()
    {
        var cut = Render<SetSession>();
        cut.Find("input#username").Change("Ada");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[role=status]")));

        cut.Find("input#username").Change(" ");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=status]")));
        Assert.Equal(UsernameRules.BlankMessage, cut.Find(".validation-message").TextContent);
        Assert.Equal("Ada", Name.Username);
    }

    [Fact]
    public void Submitting_WhenTheBrowserIsUnreachable_ShowsAnAlert_AndKeepsTheStoredName()
    {
        StoreName("Ada");
        var cut = Render<SetSession>();
        Store.Unavailable = true;

        cut.Find("input#username").Change("Grace");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("could not be saved", cut.Find("[role=alert]").TextContent));
        Assert.Empty(cut.FindAll("[role=status]"));
        Assert.NotEqual("Grace", Name.Username);
        Assert.Equal(("Ada", null), StoredIn(Store));
    }

    [Fact]
    public void MarkupInAName_IsStoredAsText()
    {
        const string name = "<img src=x onerror=alert(1)>";
        var cut = Render<SetSession>();

        cut.Find("input#username").Change(name);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(name, Name.Username));
        Assert.Empty(cut.FindAll("img"));
    }
}
