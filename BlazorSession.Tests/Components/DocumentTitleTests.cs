using BlazorSession.App.Components.Document;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

public class DocumentTitleTests : BunitContext
{
    public DocumentTitleTests()
    {
        Services.AddScoped<ShownTabTitle>();
        JSInterop.SetupVoid(DocumentTitle.SetTitleFunction, _ => true).SetVoidResult();
    }

    [Fact]
    public void TheCircuitsFirstPage_LeavesThePrerenderedTitle_AndLaterTitlesAreSetOnce()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<DocumentTitle>(parameters => parameters.Add(title => title.Text, "Set session"));
        cut.Render();
        cut.Render(parameters => parameters.Add(title => title.Text, "Get session"));
        cut.Render();

        var titles = JSInterop.VerifyInvoke(DocumentTitle.SetTitleFunction, calledTimes: 1);
        Assert.Equal(["Get session"], titles.Select(call => call.Arguments[0]));
        Assert.Empty(cut.Nodes);
    }

    [Fact]
    public void ThePageReachedByInAppNavigation_SetsItsTitle()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<DocumentTitle>(parameters => parameters.Add(title => title.Text, "Set session"));

        Render<DocumentTitle>(parameters => parameters.Add(title => title.Text, "Get session"));

        var call = JSInterop.VerifyInvoke(DocumentTitle.SetTitleFunction);
        Assert.Equal("Get session", call.Arguments[0]);
    }

    [Fact]
    public void WhilePrerendering_LeavesTheTitleToTheStaticHeadOutlet()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        Render<DocumentTitle>(parameters => parameters.Add(title => title.Text, "Set session"));

        JSInterop.VerifyNotInvoke(DocumentTitle.SetTitleFunction);
        Assert.Null(Services.GetRequiredService<ShownTabTitle>().Text);
    }
}
