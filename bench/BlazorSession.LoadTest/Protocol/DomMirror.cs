using System.Text;

namespace BlazorSession.LoadTest.Protocol;

/// <summary>
/// A small mirror of the DOM the browser script would build from render batches: elements with their attributes
/// and event handler ids, text and markup, and one container per component. Edits are applied with the browser
/// renderer's rules (regions are flattened into their parent, sibling indexes are relative to the current
/// position, child components render into their own container). Not thread-safe: the owner serialises access.
/// </summary>
internal sealed class DomMirror
{
    private const string InternalAttributePrefix = "__internal_";

    private readonly Dictionary<int, ComponentNode> _components = [];
    private readonly List<ComponentNode> _roots = [];

    /// <summary>The server attached a root component in place of one of the page's prerendered markers.</summary>
    public void AttachRootComponent(int componentId)
    {
        var root = new ComponentNode(componentId);
        _components[componentId] = root;
        _roots.Add(root);
    }

    public void Apply(byte[] data)
    {
        var batch = new RenderBatch(data);
        for (var i = 0; i < batch.UpdatedComponentCount; i++)
        {
            var diff = batch.DiffOffset(i);
            var componentId = batch.DiffComponentId(diff);
            if (!_components.TryGetValue(componentId, out var container))
            {
                throw new FormatException($"A render batch updates component {componentId}, which is not in the document.");
            }

            ApplyEdits(batch, componentId, container, diff);
        }

        for (var i = 0; i < batch.DisposedComponentCount; i++)
        {
            _components.Remove(batch.DisposedComponentId(i));
        }
    }

    /// <summary>All text in document order.</summary>
    public string TextContent()
    {
        var text = new StringBuilder();
        foreach (var root in _roots)
        {
            AppendText(root, text);
        }

        return text.ToString();
    }

    public IEnumerable<ElementNode> Elements()
    {
        var stack = new Stack<ContainerNode>(_roots.AsEnumerable().Reverse());
        while (stack.TryPop(out var container))
        {
            if (container is ElementNode element)
            {
                yield return element;
            }

            for (var i = container.Children.Count - 1; i >= 0; i--)
            {
                if (container.Children[i] is ContainerNode child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>The first element named <paramref name="name"/> whose own text is <paramref name="text"/>.</summary>
    public ElementNode? FindByText(string name, string text) =>
        Elements().FirstOrDefault(e => e.Name == name && e.TextContent().Trim() == text);

    public ElementNode? FindById(string id) => Elements().FirstOrDefault(e => e.Attribute("id") == id);

    private void ApplyEdits(RenderBatch batch, int componentId, ContainerNode container, int diff)
    {
        ContainerNode parent = container;
        var depth = 0;
        List<(int From, int To)>? permutations = null;
        var editCount = batch.DiffEditCount(diff);
        for (var i = 0; i < editCount; i++)
        {
            var edit = batch.ReadEdit(diff, i);
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(batch, componentId, parent, edit.SiblingIndex, edit.ReferenceFrameIndexOrMoveTo);
                    break;
                case EditType.RemoveFrame:
                    parent.RemoveChildAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(batch, ChildElement(parent, edit.SiblingIndex), edit.ReferenceFrameIndexOrMoveTo);
                    break;
                case EditType.RemoveAttribute:
                    var removed = batch.StringAt(edit.RemovedAttributeNameIndex) ?? "";
                    ChildElement(parent, edit.SiblingIndex).RemoveAttribute(removed);
                    break;
                case EditType.UpdateText:
                    ((TextNode)parent.Children[edit.SiblingIndex]).Text = batch.Content(edit.ReferenceFrameIndexOrMoveTo);
                    break;
                case EditType.UpdateMarkup:
                    parent.RemoveChildAt(edit.SiblingIndex);
                    parent.InsertChild(edit.SiblingIndex, new MarkupNode(batch.Content(edit.ReferenceFrameIndexOrMoveTo), componentId));
                    break;
                case EditType.StepIn:
                    parent = (ContainerNode)parent.Children[edit.SiblingIndex];
                    depth++;
                    break;
                case EditType.StepOut:
                    parent = parent.Parent ?? throw new FormatException("A render batch stepped out of its component.");
                    depth--;
                    break;
                case EditType.PermutationListEntry:
                    (permutations ??= []).Add((edit.SiblingIndex, edit.ReferenceFrameIndexOrMoveTo));
                    break;
                case EditType.PermutationListEnd:
                    parent.Permute(permutations ?? []);
                    permutations?.Clear();
                    break;
                default:
                    throw new FormatException($"Unknown render tree edit type {(int)edit.Type}.");
            }
        }

        if (depth != 0)
        {
            throw new FormatException($"A diff of component {componentId} ended {depth} levels deep.");
        }
    }

    /// <summary>Inserts a frame and its subtree at <paramref name="index"/>; returns how many children it added.</summary>
    private int InsertFrame(RenderBatch batch, int componentId, ContainerNode parent, int index, int frameIndex)
    {
        switch (batch.FrameTypeAt(frameIndex))
        {
            case FrameType.Element:
                var element = new ElementNode(batch.ElementName(frameIndex), componentId);
                parent.InsertChild(index, element);
                var end = frameIndex + batch.SubtreeLength(frameIndex);
                var child = frameIndex + 1;
                while (child < end && batch.FrameTypeAt(child) == FrameType.Attribute)
                {
                    ApplyAttribute(batch, element, child);
                    child++;
                }

                InsertFrameRange(batch, componentId, element, 0, child, end);
                return 1;
            case FrameType.Text:
                parent.InsertChild(index, new TextNode(batch.Content(frameIndex)));
                return 1;
            case FrameType.Markup:
                parent.InsertChild(index, new MarkupNode(batch.Content(frameIndex), componentId));
                return 1;
            case FrameType.Component:
                // The child renders into this container when its own diff (later in the batch) is applied.
                var component = new ComponentNode(batch.ComponentId(frameIndex));
                _components[component.ComponentId] = component;
                parent.InsertChild(index, component);
                return 1;
            case FrameType.Region:
                return InsertFrameRange(batch, componentId, parent, index, frameIndex + 1,
                    frameIndex + batch.SubtreeLength(frameIndex));
            case FrameType.Attribute:
                throw new FormatException("An attribute frame was inserted outside its element.");
            default:
                // Reference captures, named events and render modes have no DOM of their own.
                return 0;
        }
    }

    private int InsertFrameRange(RenderBatch batch, int componentId, ContainerNode parent, int index, int start,
        int endExclusive)
    {
        var inserted = 0;
        for (var frame = start; frame < endExclusive; frame++)
        {
            inserted += InsertFrame(batch, componentId, parent, index + inserted, frame);
            if (batch.FrameTypeAt(frame) is FrameType.Element or FrameType.Component or FrameType.Region)
            {
                frame += batch.SubtreeLength(frame) - 1;
            }
        }

        return inserted;
    }

    private static void ApplyAttribute(RenderBatch batch, ElementNode element, int frameIndex)
    {
        var name = batch.AttributeName(frameIndex);
        var handlerId = batch.AttributeEventHandlerId(frameIndex);
        if (handlerId != 0)
        {
            // "onchange" is the handler for the "change" event.
            element.EventHandlers[name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name] = handlerId;
        }
        else if (!name.StartsWith(InternalAttributePrefix, StringComparison.Ordinal))
        {
            element.SetAttribute(name, batch.AttributeValue(frameIndex));
        }
    }

    private static ElementNode ChildElement(ContainerNode parent, int index) =>
        parent.Children[index] as ElementNode
        ?? throw new FormatException($"Child {index} of {parent} is not an element.");

    private static void AppendText(MirrorNode node, StringBuilder text)
    {
        switch (node)
        {
            case TextNode t:
                text.Append(t.Text);
                break;
            case ContainerNode c:
                foreach (var child in c.Children)
                {
                    AppendText(child, text);
                }

                break;
        }
    }

    internal abstract class MirrorNode
    {
        public ContainerNode? Parent { get; set; }
    }

    internal sealed class TextNode(string text) : MirrorNode
    {
        public string Text { get; set; } = text;
    }

    /// <summary>A markup frame: the browser parses it into nodes inside one logical container.</summary>
    internal sealed class MarkupNode : ContainerNode
    {
        public MarkupNode(string markup, int componentId) => MarkupParser.Parse(markup, this, componentId);
    }

    internal abstract class ContainerNode : MirrorNode
    {
        public List<MirrorNode> Children { get; } = [];

        public void InsertChild(int index, MirrorNode child)
        {
            child.Parent = this;
            Children.Insert(index, child);
        }

        public void RemoveChildAt(int index)
        {
            Children[index].Parent = null;
            Children.RemoveAt(index);
        }

        public void Permute(IReadOnlyList<(int From, int To)> moves)
        {
            var moved = moves.Select(m => (m.To, Node: Children[m.From])).ToList();
            foreach (var (to, node) in moved)
            {
                Children[to] = node;
            }
        }

        public string TextContent()
        {
            var text = new StringBuilder();
            AppendText(this, text);
            return text.ToString();
        }
    }

    internal sealed class ComponentNode(int componentId) : ContainerNode
    {
        public int ComponentId { get; } = componentId;

        public override string ToString() => $"component {ComponentId}";
    }

    internal sealed class ElementNode(string name, int componentId) : ContainerNode
    {
        private readonly Dictionary<string, string> _attributes = new(StringComparer.Ordinal);

        public string Name { get; } = name;

        /// <summary>The component whose render tree holds this element: the browser reports it with field edits.</summary>
        public int ComponentId { get; } = componentId;

        public Dictionary<string, ulong> EventHandlers { get; } = new(StringComparer.Ordinal);

        public bool HasAttribute(string name) => _attributes.ContainsKey(name);

        public string? Attribute(string name) => _attributes.GetValueOrDefault(name);

        public void SetAttribute(string name, string? value)
        {
            // A false boolean attribute is sent as null: the browser removes it.
            if (value is null)
            {
                _attributes.Remove(name);
            }
            else
            {
                _attributes[name] = value;
            }
        }

        public void RemoveAttribute(string name)
        {
            _attributes.Remove(name);
            EventHandlers.Remove(name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name);
        }

        /// <summary>The nearest element above this one named <paramref name="name"/>, crossing component containers.</summary>
        public ElementNode? Closest(string name)
        {
            for (var node = Parent; node is not null; node = node.Parent)
            {
                if (node is ElementNode element && element.Name == name)
                {
                    return element;
                }
            }

            return null;
        }

        public override string ToString() => $"<{Name}>";
    }
}
