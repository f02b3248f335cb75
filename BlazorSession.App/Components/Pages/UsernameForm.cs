using System.ComponentModel.DataAnnotations;
using BlazorSession.App.Session;

namespace BlazorSession.App.Components.Pages;

/// <summary>The set-session form's model: the raw text typed, checked with the rules the session state applies.</summary>
public sealed class UsernameForm
{
    [Username]
    public string? Username { get; set; }

    /// <summary>"Keep me signed in": also remember the name for every tab of this browser. Off unless ticked.</summary>
    public bool KeepSignedIn { get; set; }
}

/// <summary>Validates with <see cref="UsernameRules"/>, so the form shows the same reason the state service would give.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UsernameAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        UsernameRules.Validate(value as string) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
