(() => {
    // Whichever of the page's scripts runs first makes it (InlineDocumentAssets).
    const blazorSession = window.blazorSession ??= {};
    const { storageKey, previewPath } = document.currentScript.dataset;
    const read = (storage, key) => {
        try {
            return storage.getItem(key);
        } catch {
            // Storage blocked by the browser: there is nothing to preview from it.
            return null;
        }
    };
    // The tab's own session and the browser's permanent one: the server applies the circuit's precedence.
    const stored = { tab: read(sessionStorage, storageKey), browser: read(localStorage, storageKey) };
    if (stored.tab === null && stored.browser === null) {
        return;
    }

    let name;
    const show = () => {
        if (name === undefined) {
            return;
        }
        for (const element of document.querySelectorAll("[data-session-preview]")) {
            // A function, so that "$&" and the like in a name are text, not replacement patterns.
            const text = element.dataset.sessionPreview.replace("{name}", () => name);
            if (element.textContent !== text) {
                element.textContent = text;
            }
            element.removeAttribute("aria-busy");
        }
        if (document.querySelector("#result:not([data-session-preview])") !== null) {
            observer.disconnect();
        }
    };
    const observer = new MutationObserver(show);

    // Settles once the name is shown or there is none to show; circuit-start.js adds the framework after it.
    blazorSession.previewSettled =
        fetch(previewPath, { method: "POST", body: JSON.stringify(stored), cache: "no-store" })
            .then(response => response.status === 200 ? response.text() : null)
            .catch(() => null)
            .then(answer => {
                if (answer === null) {
                    return;
                }
                name = answer;
                show();
                observer.observe(document, { childList: true, subtree: true });
            });
})();
