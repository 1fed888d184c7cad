/* Progressive enhancement only: every page works without this file. */
(function () {
    "use strict";
    document.documentElement.classList.replace("no-js", "js");

    // Mobile menu: a real button with aria-expanded; Escape closes it and returns focus.
    function setupNavigation() {
        var nav = document.querySelector("[data-main-nav]");
        if (!nav) { return; }
        var toggle = nav.querySelector(".main-nav__toggle");
        var narrow = window.matchMedia("(max-width: 40rem)");
        function setOpen(open) {
            toggle.setAttribute("aria-expanded", String(open));
            nav.setAttribute("data-collapsed", String(!open));
        }
        toggle.hidden = false;
        setOpen(false);
        toggle.addEventListener("click", function () {
            setOpen(toggle.getAttribute("aria-expanded") !== "true");
        });
        nav.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && narrow.matches && toggle.getAttribute("aria-expanded") === "true") {
                setOpen(false);
                toggle.focus();
            }
        });
    }

    // E-mail addresses are written without "@" in the HTML (harvesters look for it);
    // here they become ordinary mailto links for people.
    function revealEmails() {
        var items = document.querySelectorAll("[data-email-user][data-email-domain]");
        Array.prototype.forEach.call(items, function (item) {
            var address = item.getAttribute("data-email-user") + "@" + item.getAttribute("data-email-domain");
            var link = document.createElement("a");
            link.href = "mailto:" + address;
            link.textContent = address;
            item.textContent = "";
            item.appendChild(link);
        });
    }

    // Moving focus to <main> after the skip link, also where browsers do not.
    function setupSkipLink() {
        var skip = document.querySelector(".skip-link");
        var main = document.getElementById("main");
        if (!skip || !main) { return; }
        skip.addEventListener("click", function () { main.focus(); });
    }

    // A form sent back with errors: move focus to the summary, so it is read out first.
    // A link in the summary puts focus on its field (a group's first radio button or
    // check box) and scrolls the field's legend or label into view with it, as the
    // GOV.UK error summary does; without this script the link still leads to the field.
    function focusErrorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) { return; }
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            var id = link ? decodeURIComponent(link.hash.slice(1)) : "";
            var input = id ? document.getElementById(id) : null;
            if (!input) { return; }
            event.preventDefault();
            var fieldset = input.closest("fieldset");
            var legend = fieldset ? fieldset.querySelector("legend") : null;
            var label = legend || document.querySelector("label[for='" + id + "']") || input;
            label.scrollIntoView();
            input.focus({ preventScroll: true });
            if (window.history && history.replaceState) { history.replaceState(null, "", "#" + id); }
        });
    }

    setupNavigation();
    revealEmails();
    setupSkipLink();
    focusErrorSummary();
})();
