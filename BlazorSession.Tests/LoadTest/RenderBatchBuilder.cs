using BlazorSession.LoadTest.Protocol;

namespace BlazorSession.Tests.LoadTest;

/// <summary>
/// Writes render batches in the server's binary layout (20-byte frames, 16-byte edits, sections located by five
/// trailing offsets, a length-prefixed UTF-8 string table), so the mirror can be tested without a server.
/// </summary>
internal sealed class RenderBatchBuilder
{
    private readonly List<(int ComponentId, List<(EditType Type, int Sibling, int FrameOrMoveTo, string? Removed)> Edits)> _diffs = [];
    private readonly List<Action<BinaryWriter>> _frames = [];
    private readonly List<int> _disposedComponents = [];
    private readonly List<string> _strings = [];

    public int FrameCount => _frames.Count;

    public RenderBatchBuilder Diff(int componentId)
    {
        _diffs.Add((componentId, []));
        return this;
    }

    public RenderBatchBuilder Edit(EditType type, int siblingIndex, int frameIndex = 0, string? removedAttribute = null)
    {
        _diffs[^1].Edits.Add((type, siblingIndex, frameIndex, removedAttribute));
        return this;
    }

    public int Element(string name, int subtreeLength) =>
        AddFrame(FrameType.Element, w => { w.Write(subtreeLength); w.Write(String(name)); w.Write(0L); });

    public int Attribute(string name, string? value, ulong eventHandlerId = 0) =>
        AddFrame(FrameType.Attribute, w => { w.Write(String(name)); w.Write(String(value)); w.Write(eventHandlerId); });

    public int Text(string text) => AddFrame(FrameType.Text, w => { w.Write(String(text)); w.Write(0L); w.Write(0); });

    public int Markup(string markup) => AddFrame(FrameType.Markup, w => { w.Write(String(markup)); w.Write(0L); w.Write(0); });

    public int Component(int subtreeLength, int componentId) =>
        AddFrame(FrameType.Component, w => { w.Write(subtreeLength); w.Write(componentId); w.Write(0L); });

    public int Region(int subtreeLength) => AddFrame(FrameType.Region, w => { w.Write(subtreeLength); w.Write(0L); w.Write(0); });

    public RenderBatchBuilder DisposeComponent(int componentId)
    {
        _disposedComponents.Add(componentId);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);

        var diffOffsets = new List<int>();
        foreach (var (componentId, edits) in _diffs)
        {
            diffOffsets.Add((int)stream.Position);
            writer.Write(componentId);
            writer.Write(edits.Count);
            foreach (var (type, sibling, frameOrMoveTo, removed) in edits)
            {
                writer.Write((int)type);
                writer.Write(sibling);
                writer.Write(frameOrMoveTo);
                writer.Write(String(removed));
            }
        }

        var updatedComponents = (int)stream.Position;
        writer.Write(diffOffsets.Count);
        diffOffsets.ForEach(writer.Write);

        var referenceFrames = (int)stream.Position;
        writer.Write(_frames.Count);
        _frames.ForEach(frame => frame(writer));

        var disposedComponents = (int)stream.Position;
        writer.Write(_disposedComponents.Count);
        _disposedComponents.ForEach(writer.Write);

        var disposedEventHandlers = (int)stream.Position;
        writer.Write(0);

        var stringOffsets = new List<int>();
        foreach (var value in _strings)
        {
            stringOffsets.Add((int)stream.Position);
            writer.Write(value);
        }

        var stringTable = (int)stream.Position;
        stringOffsets.ForEach(writer.Write);

        writer.Write(updatedComponents);
        writer.Write(referenceFrames);
        writer.Write(disposedComponents);
        writer.Write(disposedEventHandlers);
        writer.Write(stringTable);
        writer.Flush();
        return stream.ToArray();
    }

    private int AddFrame(FrameType type, Action<BinaryWriter> body)
    {
        _frames.Add(w =>
        {
            w.Write((int)type);
            body(w);
        });
        return _frames.Count - 1;
    }

    private int String(string? value)
    {
        if (value is null)
        {
            return -1;
        }

        _strings.Add(value);
        return _strings.Count - 1;
    }
}
