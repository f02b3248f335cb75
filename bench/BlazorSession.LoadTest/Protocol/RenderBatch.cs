using System.Buffers.Binary;
using System.Text;

namespace BlazorSession.LoadTest.Protocol;

/// <summary>Frame types as numbered on the wire (Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType).</summary>
internal enum FrameType
{
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
}

/// <summary>Edit types as numbered on the wire (RenderTreeEditType).</summary>
internal enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>
/// A read-only view over one binary render batch as the server's render batch writer lays it out: four sections
/// (updated components, reference frames, disposed component ids, disposed event handler ids) and a string table,
/// located by five little-endian int32 offsets at the end. Frames are 20 bytes and edits 16, so both are indexed
/// directly.
/// </summary>
internal readonly struct RenderBatch
{
    private const int FrameSize = 20;
    private const int EditSize = 16;
    private const int DiffHeaderSize = 8;

    private readonly byte[] _data;
    private readonly int _updatedComponentsOffset;
    private readonly int _referenceFramesOffset;
    private readonly int _disposedComponentIdsOffset;
    private readonly int _disposedEventHandlerIdsOffset;
    private readonly int _stringTableOffset;
    private readonly string?[] _strings;

    public RenderBatch(byte[] data)
    {
        if (data.Length < 20)
        {
            throw new FormatException($"A render batch of {data.Length} bytes is too short for its offset table.");
        }

        _data = data;
        var trailer = data.Length - 20;
        _updatedComponentsOffset = ReadInt32(data, trailer);
        _referenceFramesOffset = ReadInt32(data, trailer + 4);
        _disposedComponentIdsOffset = ReadInt32(data, trailer + 8);
        _disposedEventHandlerIdsOffset = ReadInt32(data, trailer + 12);
        _stringTableOffset = ReadInt32(data, trailer + 16);
        _strings = new string?[(trailer - _stringTableOffset) / 4];
    }

    public int UpdatedComponentCount => ReadInt32(_data, _updatedComponentsOffset);

    public int DisposedComponentCount => ReadInt32(_data, _disposedComponentIdsOffset);

    public int DisposedEventHandlerCount => ReadInt32(_data, _disposedEventHandlerIdsOffset);

    public int DisposedComponentId(int index) => ReadInt32(_data, _disposedComponentIdsOffset + 4 + (index * 4));

    public ulong DisposedEventHandlerId(int index) =>
        BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(_disposedEventHandlerIdsOffset + 4 + (index * 8)));

    /// <summary>The byte offset of the index'th component diff.</summary>
    public int DiffOffset(int index) => ReadInt32(_data, _updatedComponentsOffset + 4 + (index * 4));

    public int DiffComponentId(int diffOffset) => ReadInt32(_data, diffOffset);

    public int DiffEditCount(int diffOffset) => ReadInt32(_data, diffOffset + 4);

    public Edit ReadEdit(int diffOffset, int index)
    {
        var offset = diffOffset + DiffHeaderSize + (index * EditSize);
        return new Edit(
            (EditType)ReadInt32(_data, offset),
            ReadInt32(_data, offset + 4),
            ReadInt32(_data, offset + 8),
            ReadInt32(_data, offset + 12));
    }

    public FrameType FrameTypeAt(int frameIndex) => (FrameType)ReadInt32(_data, FrameOffset(frameIndex));

    /// <summary>Subtree length of an element, component or region frame (the frame itself included).</summary>
    public int SubtreeLength(int frameIndex) => ReadInt32(_data, FrameOffset(frameIndex) + 4);

    public int ComponentId(int frameIndex) => ReadInt32(_data, FrameOffset(frameIndex) + 8);

    public string ElementName(int frameIndex) => StringAt(ReadInt32(_data, FrameOffset(frameIndex) + 8)) ?? "";

    /// <summary>Text content of a text frame, markup of a markup frame.</summary>
    public string Content(int frameIndex) => StringAt(ReadInt32(_data, FrameOffset(frameIndex) + 4)) ?? "";

    public string AttributeName(int frameIndex) => StringAt(ReadInt32(_data, FrameOffset(frameIndex) + 4)) ?? "";

    /// <summary>The attribute's string value; a true boolean arrives as "" and a false one as null.</summary>
    public string? AttributeValue(int frameIndex) => StringAt(ReadInt32(_data, FrameOffset(frameIndex) + 8));

    public ulong AttributeEventHandlerId(int frameIndex) =>
        BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(FrameOffset(frameIndex) + 12));

    public string? StringAt(int index)
    {
        if (index < 0)
        {
            return null;
        }

        if (_strings[index] is { } cached)
        {
            return cached;
        }

        // BinaryWriter.Write(string): a 7-bit encoded length prefix, then UTF-8 bytes.
        var position = ReadInt32(_data, _stringTableOffset + (index * 4));
        var length = 0;
        var shift = 0;
        byte current;
        do
        {
            current = _data[position++];
            length |= (current & 0x7F) << shift;
            shift += 7;
        }
        while ((current & 0x80) != 0);

        var value = Encoding.UTF8.GetString(_data, position, length);
        _strings[index] = value;
        return value;
    }

    // The reference frames section starts with its count.
    private int FrameOffset(int frameIndex) => _referenceFramesOffset + 4 + (frameIndex * FrameSize);

    private static int ReadInt32(byte[] data, int offset) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(offset));
}

/// <param name="Type">What the edit does.</param>
/// <param name="SiblingIndex">The child it applies to, relative to the current position.</param>
/// <param name="ReferenceFrameIndexOrMoveTo">The frame to insert, or for a permutation the sibling index to move to.</param>
/// <param name="RemovedAttributeNameIndex">The string table index of the attribute to remove.</param>
internal readonly record struct Edit(EditType Type, int SiblingIndex, int ReferenceFrameIndexOrMoveTo, int RemovedAttributeNameIndex);
