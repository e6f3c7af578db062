/*
 * The phone menu: a disclosure button (site/templates/base.html) that shows and
 * hides the header's tools and main navigation below 48em (site.css, "Phone menu").
 *
 * Progressive enhancement. This file is loaded without `defer` in <head>, so the
 * class "js-menu" is on <html> before the first paint; only with that class does
 * the CSS collapse the menu and show the button. Without JavaScript, or if this
 * file never arrives, the menu is simply shown and the button stays hidden.
 *
 * A disclosure, not a modal: no focus trap, the page behind stays usable.
 * The button is a real <button>, so Enter and Space toggle it natively;
 * aria-expanded carries the state (the CSS draws it from the same attribute).
 * Escape closes the open menu and puts focus back on the button, when focus is on
 * the button, inside the menu or nowhere (a phone's tap does not always focus).
 */
(function () {
    "use strict";

    var root = document.documentElement;
    if (!root.classList || !document.addEventListener) {
        return;
    }
    root.classList.add("js-menu");

    function init() {
        var button = document.querySelector("[data-menu-toggle]");
        var menu = button && document.getElementById(button.getAttribute("aria-controls"));
        if (!menu) {
            root.classList.remove("js-menu");
            return;
        }

        function isOpen() {
            return button.getAttribute("aria-expanded") === "true";
        }

        function setOpen(open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            menu.classList.toggle("is-open", open);
        }

        setOpen(false);
        button.hidden = false;

        button.addEventListener("click", function () {
            setOpen(!isOpen());
        });

        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" || event.defaultPrevented || !isOpen()) {
                return;
            }
            // On wide screens the button is not displayed and nothing collapses.
            if (!button.getClientRects().length) {
                return;
            }
            var target = event.target;
            var inside = target === button || menu.contains(target);
            if (!inside && target !== document.body && target !== root) {
                return;
            }
            // In a filled search field the first Escape is the browser's: it clears
            // the field (and closes its suggestions); the next one closes the menu.
            if (target.type === "search" && target.value) {
                return;
            }
            setOpen(false);
            button.focus();
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
