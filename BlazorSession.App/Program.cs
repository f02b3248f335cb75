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
builder.Services.AddScoped<ShownTabTitle>();
builder.Services.AddLoadTestDiagnostics(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapStoredSessionPreview();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(options =>
        // Circuit messages are small render batches and interop calls: deflating each one costs both ends CPU and
        // a zlib state per connection for a few bytes saved. Supplying the callback (rather than setting
        // DisableWebSocketCompression) keeps the framework's frame-ancestors 'self' policy on the page.
        options.ConfigureWebSocketAcceptContext = (_, acceptContext) =>
        {
            acceptContext.DangerousEnableCompression = false;
            return Task.CompletedTask;
        });

app.Run();
