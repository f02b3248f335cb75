using BlazorSession.LoadTest.Protocol;

namespace BlazorSession.Tests.LoadTest;

public class DomMirrorTests
{
    private const int RootId = 1;
    private readonly DomMirror _dom = new();

    public DomMirrorTests() => _dom.AttachRootComponent(RootId);

    [Fact]
    public void Apply_RegistersEventHandlersOnTheirElements()
    {
        var batch = new RenderBatchBuilder();
        var form = batch.Element("form", 4);
        batch.Attribute("onsubmit", null, eventHandlerId: 7);
        batch.Element("button", 2);
        batch.Text("Save");
        batch.Diff(RootId).Edit(EditType.PrependFrame, 0, form);

        _dom.Apply(batch.Build());

        var save = _dom.FindByText("button", "Save");
        Assert.NotNull(save);
        Assert.Equal(7UL, save.Closest("form")!.EventHandlers["submit"]);
    }

    [Fact]
    public void Apply_FlattensRegionsAndRendersChildComponentsInPlace()
    {
        var batch = new RenderBatchBuilder();
        var region = batch.Region(3);
        batch.Text("a");
        batch.Component(1, componentId: 2);
        var after = batch.Text("c");
        var child = batch.Text("b");
        batch.Diff(RootId).Edit(EditType.PrependFrame, 0, region).Edit(EditType.PrependFrame, 2, after);
        batch.Diff(2).Edit(EditType.PrependFrame, 0, child);

        _dom.Apply(batch.Build());

        Assert.Equal("abc", _dom.TextContent());
    }

    [Fact]
    public void Apply_ParsesMarkupIntoElements()
    {
        var batch = new RenderBatchBuilder();
        var markup = batch.Markup("<div class=\"field\"><label for=\"username\">User&shy;name &amp; more</label><br></div>");
        batch.Diff(RootId).Edit(EditType.PrependFrame, 0, markup);

        _dom.Apply(batch.Build());

        var label = _dom.Elements().Single(element => element.Name == "label");
        Assert.Equal("username", label.Attribute("for"));
        Assert.Equal("User\u00adname & more", label.TextContent());
        Assert.Equal("div", label.Parent is DomMirror.ElementNode parent ? parent.Name : null);
    }

    [Fact]
    public void Apply_RemovesAnAttribute_InALaterBatch()
    {
        var first = new RenderBatchBuilder();
        var main = first.Element("main", 3);
        first.Element("input", 2);
        first.Attribute("disabled", "");
        first.Diff(RootId).Edit(EditType.PrependFrame, 0, main);
        _dom.Apply(first.Build());
        Assert.True(_dom.Elements().Single(e => e.Name == "input").HasAttribute("disabled"));

        var second = new RenderBatchBuilder();
        second.Diff(RootId)
            .Edit(EditType.StepIn, 0)
            .Edit(EditType.RemoveAttribute, 0, removedAttribute: "disabled")
            .Edit(EditType.StepOut, 0);
        _dom.Apply(second.Build());

        Assert.False(_dom.Elements().Single(e => e.Name == "input").HasAttribute("disabled"));
    }

    [Fact]
    public void Apply_UpdatesTextAndRemovesFrames()
    {
        var first = new RenderBatchBuilder();
        var p = first.Element("p", 2);
        first.Text("Loading session…");
        var extra = first.Text("!");
        first.Diff(RootId).Edit(EditType.PrependFrame, 0, p).Edit(EditType.PrependFrame, 1, extra);
        _dom.Apply(first.Build());

        var second = new RenderBatchBuilder();
        var text = second.Text("Session username: Ada");
        second.Diff(RootId)
            .Edit(EditType.RemoveFrame, 1)
            .Edit(EditType.StepIn, 0)
            .Edit(EditType.UpdateText, 0, text)
            .Edit(EditType.StepOut, 0);
        _dom.Apply(second.Build());

        Assert.Equal("Session username: Ada", _dom.TextContent());
    }

    [Fact]
    public void Apply_Throws_WhenABatchUpdatesAComponentThatIsNotInTheDocument()
    {
        var batch = new RenderBatchBuilder();
        batch.Diff(42).Edit(EditType.PrependFrame, 0, batch.Text("x"));

        Assert.Throws<FormatException>(() => _dom.Apply(batch.Build()));
    }
}
