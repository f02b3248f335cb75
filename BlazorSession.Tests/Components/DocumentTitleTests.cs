using BlazorSession.App.Components;
using Microsoft.AspNetCore.Components;

namespace BlazorSession.Tests.Components;

public class DocumentTitleTests : BunitContext
{
    public DocumentTitleTests() => JSInterop.SetupVoid(DocumentTitle.SetTitleFunction, _ => true).SetVoidResult();

    [Fact]
    public void InTheCircuit_SetsTheTabsTitle_OncePerText()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<DocumentTitle>(parameters => parameters.Add(title => title.Text, "Set session"));
        cut.Render();
        cut.Render(parameters => parameters.Add(title => title.Text, "Get session"));

        var titles = JSInterop.VerifyInvoke(DocumentTitle.SetTitleFunction, calledTimes: 2);
        Assert.Equal(["Set session", "Get session"], titles.Select(call => call.Arguments[0]));
        Assert.Empty(cut.Nodes);
    }

    [Fact]
    public void WhilePrerendering_LeavesTheTitleToTheStaticHeadOutlet()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        Render<DocumentTitle>(parameters => parameters.Add(title => title.Text, "Set session"));

        JSInterop.VerifyNotInvoke(DocumentTitle.SetTitleFunction);
    }
}
