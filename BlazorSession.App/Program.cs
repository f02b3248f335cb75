using BlazorSession.App.Components;
using BlazorSession.App.Hosting;
using BlazorSession.App.Session;

var builder = WebApplication.CreateBuilder(args);

// The build output (not only a publish) serves blazor.web.js in every environment, so the binaries that tests
// and users run behave the same.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddBrowserSession(builder.Configuration, builder.Environment);
builder.Services.AddCircuitTuning(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
