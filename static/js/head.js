/* Loaded in <head> without defer, on purpose: it runs before the first paint, so the CSS
   knows JavaScript is on and draws the mobile menu collapsed from the start instead of
   collapsing it after the page is shown (a layout shift). Keep it this small: it blocks
   rendering. Everything else is in site.js (deferred). */
document.documentElement.classList.replace("no-js", "js");
