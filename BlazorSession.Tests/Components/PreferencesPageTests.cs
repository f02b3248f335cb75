using BlazorSession.App.Components.Layout;
using BlazorSession.App.Components.Pages;
using BlazorSession.App.Session;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

/// <summary>The theme, a preference kept in the session, chosen on /preferences and applied by the layout.</summary>
public class PreferencesPageTests : SessionComponentTestContext
{
    [Fact]
    public void ATheme_IsARadioGroup_WithLightChosen_UntilAnotherIs()
    {
        var cut = Render<Preferences>();

        cut.WaitForAssertion(() => Assert.False(cut.Find("input[value=Light]").HasAttribute("disabled")));
        Assert.Equal("Preferences", cut.Find("h1").TextContent);
        Assert.Equal("Theme", cut.Find("fieldset legend").TextContent);
        Assert.Equal(["Light", "Dark"], cut.FindAll("fieldset label").Select(label => label.TextContent.Trim()));
        Assert.True(cut.Find("input[value=Light]").HasAttribute("checked"));
        Assert.False(cut.Find("input[value=Dark]").HasAttribute("checked"));
    }

    [Fact]
    public void ChoosingDark_KeepsItInTheSession_AndTheLayoutAppliesIt()
    {
        var layout = Render<MainLayout>();
        var cut = Render<Preferences>();
        cut.WaitForAssertion(() => Assert.False(cut.Find("input[value=Dark]").HasAttribute("disabled")));

        cut.Find("input[value=Dark]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(Theme.Dark, Session.GetTheme()));
        Assert.True(cut.Find("input[value=Dark]").HasAttribute("checked"));
        layout.WaitForAssertion(() => Assert.Equal("dark", layout.Find("main").GetAttribute("data-theme")));
    }

    [Fact]
    public async Task KeptWithThePermanentSession_WhenTheVisitorKeepsIt()
    {
        await Session.SetAsync("username", "Ada", permanent: true);
        var cut = Render<Preferences>();
        cut.WaitForAssertion(() => Assert.False(cut.Find("input[value=Dark]").HasAttribute("disabled")));

        cut.Find("input[value=Dark]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(Theme.Dark, Session.GetTheme()));
        Assert.True(Session.IsPermanent);
        Assert.Empty(Store.StoredKeys);
    }

    [Fact]
    public async Task APrerender_ThatCarriedTheSession_HasTheThemeInItsFirstRender()
    {
        await Services.SeedRequestSessionAsync(session => session.SetAsync(ThemePreference.Key, Theme.Dark));
        RenderAsPrerendered();

        var layout = Render<MainLayout>();
        var page = Render<Preferences>();

        Assert.Equal("dark", layout.Find("main").GetAttribute("data-theme"));
        Assert.True(page.Find("input[value=Dark]").HasAttribute("checked"));
        Assert.True(page.Find("input[value=Dark]").HasAttribute("disabled"));
    }

    [Fact]
    public void TheLightTheme_WritesNoAttribute()
    {
        var layout = Render<MainLayout>();

        layout.WaitForAssertion(() => Assert.Equal("Cart (0)", layout.Find("nav a[href=cart]").TextContent));
        Assert.Null(layout.Find("main").GetAttribute("data-theme"));
    }
}
