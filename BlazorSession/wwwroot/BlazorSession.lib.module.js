// The package's JavaScript initializer: blazor.web.js loads it on every page of the app, static ones included, with no
// script tag in the app. It lets the server read the tab's session at its first render (UseBrowserSession):
// - as the tab leaves a page, it hands its own session (what its sessionStorage holds, as stored) to the next request
//   in a cookie whose name is new for each page left, so that a request carrying two tabs' handoffs is seen as such;
// - it keeps a cookie copy of the permanent session (localStorage), which every tab shares, as a cookie is shared;
// - it stores what the server changed while rendering (a static form post) in the tab's storage.
// Names and format: FirstRender/CarrierCookies.cs; why cookies: docs/decisions/2026-12-07-session-at-the-first-render.md.

const storageKey = "blazor-session";
const handoffIdKey = "blazor-session.handoff-id";
const tabPrefix = "blazor-session.tab.";
const savedPrefix = "blazor-session.saved.";
const loadedAgainKey = "blazor-session.loaded-again";
const permanentName = "blazor-session.permanent";
const permanentSavedName = "blazor-session.permanent-saved";
const noSession = "-";
// Raised on the window when this tab has stored what the server changed: a circuit that outlived the page's enhanced
// update reads the tab again (blazor-session.js).
export const storedEvent = "blazorsession:stored";
const notCarried = "~";
const chunkLength = 3800;
const maxChunks = 6;
const maxCarriedLength = 24000;
// Long enough for the next page's request to leave; the response to it expires the handoff anyway.
const handoffSeconds = 10;
// Browsers keep a cookie 400 days at most; the permanent session's own expiry is inside it, checked by the server.
const permanentSeconds = 400 * 24 * 60 * 60;

const cookiePath = () => new URL(document.baseURI).pathname.replace(/\/$/, "") || "/";
const secure = () => (location.protocol === "https:" ? "; Secure" : "");

function readCookies() {
    const jar = new Map();
    for (const pair of document.cookie.split("; ")) {
        const equals = pair.indexOf("=");
        if (equals > 0) {
            jar.set(pair.slice(0, equals), pair.slice(equals + 1));
        }
    }
    return jar;
}

const chunkName = (name, index) => (index === 0 ? name : `${name}.${index}`);

function readChunked(jar, name) {
    const first = jar.get(name);
    const dot = first?.indexOf(".") ?? -1;
    const count = Number(first?.slice(0, dot));
    if (dot < 1 || !(count >= 1 && count <= maxChunks)) {
        return null;
    }
    let value = first.slice(dot + 1);
    for (let index = 1; index < count; index++) {
        const part = jar.get(chunkName(name, index));
        if (part === undefined) {
            return null;
        }
        value += part;
    }
    return value;
}

const setCookie = (name, value, attributes) =>
    (document.cookie = `${name}=${value}; Path=${cookiePath()}${attributes}${secure()}`);

function deleteChunked(jar, name) {
    for (let index = 0; index < maxChunks; index++) {
        if (jar.has(chunkName(name, index))) {
            setCookie(chunkName(name, index), "", "; Max-Age=0");
        }
    }
}

function writeChunked(jar, name, value, attributes) {
    const count = Math.max(1, Math.ceil(value.length / chunkLength));
    for (let index = 0; index < maxChunks; index++) {
        const chunk = value.slice(index * chunkLength, (index + 1) * chunkLength);
        if (index < count) {
            setCookie(chunkName(name, index), index === 0 ? `${count}.${chunk}` : chunk, attributes);
        } else if (jar.has(chunkName(name, index))) {
            setCookie(chunkName(name, index), "", "; Max-Age=0");
        }
    }
}

function read(storage) {
    try {
        return storage.getItem(storageKey);
    } catch {
        // Storage blocked by the browser: nothing is stored there.
        return null;
    }
}

function newHandoffId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, byte => byte.toString(16).padStart(2, "0")).join("");
}

// The cookie copy of the permanent session, made current. After the server changed it (a static form post), the
// cookie is the newer one and goes into localStorage (true is returned); otherwise localStorage is, and the cookie
// follows it.
function followPermanentSession(jar) {
    if (jar.has(permanentSavedName)) {
        const saved = readChunked(jar, permanentName);
        if (saved === null) {
            localStorage.removeItem(storageKey);
        } else {
            localStorage.setItem(storageKey, saved);
        }
        setCookie(permanentSavedName, "", "; Max-Age=0");
        return true;
    }
    const stored = read(localStorage);
    if (stored === readChunked(jar, permanentName)) {
        return false;
    }
    if (stored === null) {
        deleteChunked(jar, permanentName);
    } else {
        writeChunked(jar, permanentName, stored, `; Max-Age=${permanentSeconds}; SameSite=Lax`);
    }
    return false;
}

// Stores in this tab what the server changed while rendering the page just shown.
function storeWhatTheServerSaved(jar) {
    const id = sessionStorage.getItem(handoffIdKey);
    const saved = id === null ? null : readChunked(jar, savedPrefix + id);
    if (saved !== null) {
        if (saved === noSession) {
            sessionStorage.removeItem(storageKey);
        } else {
            sessionStorage.setItem(storageKey, saved);
        }
        deleteChunked(jar, savedPrefix + id);
    }
    if (followPermanentSession(jar) || saved !== null) {
        window.dispatchEvent(new Event(storedEvent));
    }
}

// Every tab hands over as it leaves, even one with nothing of its own: a request that carries two tabs' handoffs
// (two tabs leaving at once) is then known for what it is, and neither tab is shown the other's session.
function handOver() {
    const jar = readCookies();
    followPermanentSession(jar);
    const previous = sessionStorage.getItem(handoffIdKey);
    if (previous !== null) {
        deleteChunked(jar, tabPrefix + previous);
    }
    const own = read(sessionStorage);
    const permanent = read(localStorage);
    const carried = own === null ? noSession
        : own.length + (permanent?.length ?? 0) > maxCarriedLength ? notCarried
        : own;
    const id = newHandoffId();
    sessionStorage.setItem(handoffIdKey, id);
    writeChunked(jar, tabPrefix + id, carried, `; Max-Age=${handoffSeconds}; SameSite=Strict`);
}

// The server says in Server-Timing when a page's request carried no tab's handoff (RequestSession.cs). Browsers give
// Server-Timing to a page only in a secure context (HTTPS, or localhost); elsewhere this finds nothing.
function renderedWithoutAHandoff() {
    const [navigation] = performance.getEntriesByType("navigation");
    return navigation?.serverTiming?.some(timing => timing.name === "blazor-session" && timing.description === "no-handoff") === true;
}

// A request the browser starts itself (a reload, an address typed) can leave before the handoff cookie written as the
// tab left its last page has reached the cookie store: the page was then rendered as a new tab's, and the handoff,
// which the response would have expired, is still here. The page is loaded once more, now that the cookie is there;
// once only, so that a browser that never sends it does not load the page forever. A tab with nothing of its own
// handed over "-", which renders as a new tab does: nothing to load again.
function loadAgainIfTheHandoffMissedItsRequest(jar) {
    if (sessionStorage.getItem(loadedAgainKey) !== null) {
        sessionStorage.removeItem(loadedAgainKey);
        return;
    }
    const id = sessionStorage.getItem(handoffIdKey);
    const handedOver = id === null ? null : readChunked(jar, tabPrefix + id);
    if (handedOver !== null && handedOver !== noSession && renderedWithoutAHandoff()) {
        sessionStorage.setItem(loadedAgainKey, id);
        location.reload();
    }
}

let started = false;

function start() {
    if (started) {
        return;
    }
    started = true;
    // Read once for both uses below: reading document.cookie asks the browser's cookie store and waits for it.
    const jar = readCookies();
    storeWhatTheServerSaved(jar);
    window.addEventListener("beforeunload", handOver);
    window.addEventListener("storage", event => {
        if (event.storageArea === localStorage && (event.key === storageKey || event.key === null)) {
            followPermanentSession(readCookies());
        }
    });
    // A new tab may be opened while this one shows a page whose circuit changed the permanent session.
    document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "hidden") {
            followPermanentSession(readCookies());
        }
    });
    // Last, once the tab hands over as it leaves: the second load must carry a handoff.
    loadAgainIfTheHandoffMissedItsRequest(jar);
}

// After a circuit changed the permanent session (blazor-session.js): a new tab's first request then carries it.
export function followPermanentSessionNow() {
    followPermanentSession(readCookies());
}

// Before any circuit starts, so that one reads what the server saved.
export function beforeWebStart() {
    start();
}

export function afterWebStarted(blazor) {
    start();
    // Enhanced navigation and enhanced form posts are fetches, not page loads: no beforeunload, no new module.
    blazor.addEventListener("enhancednavigationstart", handOver);
    blazor.addEventListener("enhancedload", () => storeWhatTheServerSaved(readCookies()));
}
