/* Loaded in <head> without defer, on purpose: it runs before the first paint, so the CSS
   knows JavaScript is on and draws the mobile menu collapsed from the start instead of
   collapsing it after the page is shown (a layout shift). Keep it this small: it blocks
   rendering. Everything else is in site.js (deferred). */
document.documentElement.classList.replace("no-js", "js");

/* The search filters (a <details>, closed in the HTML so they fold away on phones) start
   open on a wide screen, where there is room. Opened as the parser inserts them, before
   they are first drawn: opened by the deferred site.js, after the first paint, they
   pushed the hits down (Lighthouse desktop CLS 0.003-0.019). A mutation observer's
   callback runs at the end of the parser's task, before the browser renders. */
(function () {
    if (!window.MutationObserver || !window.matchMedia("(min-width: 48em)").matches) { return; }
    var observer = new MutationObserver(function () {
        var filters = document.querySelector("[data-search-filters]");
        if (filters) {
            filters.open = true;
            observer.disconnect();
        }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () { observer.disconnect(); });
})();
