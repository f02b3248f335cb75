(() => {
    // Whichever of the page's scripts runs first makes it (InlineDocumentAssets).
    const blazorSession = window.blazorSession ??= {};
    const { storageKey, cookieName } = document.currentScript.dataset;
    // Long enough for the next page's request to leave; the response to it expires the cookie anyway.
    const cookieSeconds = 10;
    // What browsers keep of one cookie, name and value together (RFC 6265bis); a longer one is dropped silently.
    const cookieBytes = 4096;

    const read = storage => {
        try {
            return storage.getItem(storageKey);
        } catch {
            // Storage blocked by the browser: nothing is stored there.
            return null;
        }
    };

    // The tab's own session and the browser's permanent one, as the server reads them (the preview request's body,
    // the handoff cookie), or null when neither is stored.
    blazorSession.storedSession = () => {
        const stored = { tab: read(sessionStorage), browser: read(localStorage) };
        return stored.tab === null && stored.browser === null ? null : JSON.stringify(stored);
    };

    const handOver = () => {
        const stored = blazorSession.storedSession();
        if (stored === null) {
            return;
        }
        const cookie = `${cookieName}=${encodeURIComponent(stored)}`;
        if (cookie.length <= cookieBytes) {
            const secure = location.protocol === "https:" ? "; Secure" : "";
            document.cookie = `${cookie}; Path=/; Max-Age=${cookieSeconds}; SameSite=Strict${secure}`;
        }
    };

    let listening = false;
    const follow = () => {
        const stored = blazorSession.storedSession() !== null;
        if (stored !== listening) {
            listening = stored;
            if (stored) {
                window.addEventListener("beforeunload", handOver);
            } else {
                window.removeEventListener("beforeunload", handOver);
            }
        }
    };
    // Another tab signing in or out with "Keep me signed in" changes what this tab has stored.
    const followOtherTabs = event => {
        if (event.key === storageKey || event.key === null) {
            follow();
        }
    };
    let started = false;
    const startFollowing = () => {
        started = true;
        window.addEventListener("storage", followOtherTabs);
        follow();
    };

    // Nothing here runs while the page loads: a new document's first storage read is a round trip to the browser
    // process, and adding a storage listener makes the browser open both storages too. So the script starts once
    // the page has loaded and is idle, and from then on follows each page the circuit shows.
    const startWhenIdle = () => {
        if (window.requestIdleCallback) {
            requestIdleCallback(startFollowing, { timeout: 1000 });
        } else {
            setTimeout(startFollowing);
        }
    };
    window.addEventListener("load", startWhenIdle, { once: true });
    document.addEventListener("blazorsession:pageshown", () => {
        if (started) {
            follow();
        }
    });
})();
