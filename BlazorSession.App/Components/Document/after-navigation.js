// What the browser does itself when the circuit shows another page, so that the circuit never calls in for it: the
// tab's title follows the page's DocumentHead (its <template data-tab-title>), and after an in-app navigation to
// another page the keyboard focus moves to that page's heading, so that a screen reader announces where the link
// led (what the framework's FocusOnNavigate does, through a JS call per navigation).
(() => {
    // The <template data-tab-title> of the page shown, and the address it was shown at.
    let shownPage = null;
    let shownAt = null;

    const focusHeading = () => {
        const heading = document.querySelector("main h1");
        if (heading) {
            // Focusable by script only: the heading does not join the Tab order.
            if (!heading.hasAttribute("tabindex")) {
                heading.tabIndex = -1;
            }
            heading.focus({ preventScroll: true });
        }
    };

    const follow = () => {
        const page = document.querySelector("template[data-tab-title]");
        if (!page) {
            return;
        }
        if (document.title !== page.dataset.tabTitle) {
            document.title = page.dataset.tabTitle;
        }
        if (page === shownPage) {
            return;
        }
        // The circuit's first page is the one the browser loaded: focus stays where the visitor put it (the
        // type-ahead form is usable before the circuit is up). A page replaced at the same address (signing out on
        // the members page) is no navigation either; an alias of the same page keeps its template, so it never
        // gets here.
        const navigated = shownPage !== null && location.href !== shownAt;
        shownPage = page;
        shownAt = location.href;
        if (navigated) {
            focusHeading();
        }
        // For the page's other scripts (type-ahead.js lets go of what it kept for the fields of the page before).
        document.dispatchEvent(new Event("blazorsession:pageshown"));
    };

    // The circuit's renders change the document; the observer runs once a render has been applied whole.
    new MutationObserver(follow).observe(document, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["data-tab-title"],
    });
    // The script comes after the page's content (App.razor): the page the browser loaded is shown already.
    follow();
})();
