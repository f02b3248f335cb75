import { followPermanentSessionNow, storedEvent } from "./BlazorSession.lib.module.js";

// Tells a circuit when another tab of the browser changes or ends the permanent session. The browser fires "storage"
// in every other tab of the origin when one changes localStorage (a null key is localStorage.clear()); the tab that
// made the change already knows. One listener per page, replaced on a reconnection, and removed once a call fails
// because the circuit is gone (PermanentSessionListener.cs). Also tells it when this tab's page stored what the
// server changed while rendering: an enhanced form post that the circuit outlived (BlazorSession.lib.module.js).
let following = null;
let followingStored = null;

export function followPermanentSession(session, key) {
    window.removeEventListener("storage", following);
    window.removeEventListener(storedEvent, followingStored);
    const listener = event => {
        if (event.storageArea === localStorage && (event.key === key || event.key === null)) {
            session.invokeMethodAsync("PermanentSessionChanged")
                .catch(() => window.removeEventListener("storage", listener));
        }
    };
    const stored = () => session.invokeMethodAsync("SessionStoredByThePage")
        .catch(() => window.removeEventListener(storedEvent, stored));
    following = listener;
    followingStored = stored;
    window.addEventListener("storage", listener);
    window.addEventListener(storedEvent, stored);
}

// This tab's circuit changed the permanent session: the cookie copy that new tabs' first requests carry follows it.
export function permanentSessionWritten() {
    followPermanentSessionNow();
}
