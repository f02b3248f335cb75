namespace BlazorSession.App.Components.Document;

/// <summary>
/// Marks a page that shows the stored name in an element with <c>data-session-preview</c>: its HTML carries the
/// preview script, so a reload shows the name before the circuit is up (StoredSessionPreviewScript).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ShowsStoredNameAttribute : Attribute;
