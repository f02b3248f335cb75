(() => {
    // Whichever of the page's scripts runs first makes it (InlineDocumentAssets).
    const blazorSession = window.blazorSession ??= {};
    const { previewPath, handedOver, handedOverName } = document.currentScript.dataset;
    // session-handoff.js, before this script in every page that has it.
    const stored = blazorSession.storedSession();
    if (stored === null) {
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

    const showFromNowOn = answer => {
        if (answer === null) {
            return;
        }
        name = answer;
        show();
        observer.observe(document, { childList: true, subtree: true });
    };

    // The page came with these very values read (the handoff cookie, Preview/SessionHandoff.cs): nothing to ask.
    if (handedOver === stored) {
        showFromNowOn(handedOverName ?? null);
        return;
    }

    // Settles once the name is shown or there is none to show; circuit-start.js adds the framework after it.
    blazorSession.previewSettled =
        fetch(previewPath, { method: "POST", body: stored, cache: "no-store" })
            .then(response => response.status === 200 ? response.text() : null)
            .catch(() => null)
            .then(showFromNowOn);
})();
