// The page's own functions that the circuit calls. Every script of the page adds to window.blazorSession, and
// whichever runs first makes it (InlineDocumentAssets lists them in order, with what each needs).
(() => {
    const blazorSession = window.blazorSession ??= {};
    // DocumentTitle.
    blazorSession.setTitle = title => { document.title = title; };
})();
