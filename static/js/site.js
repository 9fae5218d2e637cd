/* OIM France – public site. The only script of the public pages, loaded with defer from base.html
   (the Content-Security-Policy allows script from 'self' only: nothing inline, no style attribute).

   The phone menu. Without this file the header's "Menu" is a link to #site-menu, which the stylesheet
   unfolds with :target, so the navigation is always reachable. Here the link becomes a disclosure button
   (aria-expanded, aria-controls) in the same place and of the same size: nothing moves when it runs.
   Escape closes the menu and gives the focus back to the button. */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("js");

  var header = document.querySelector(".site-header");
  var link = header && header.querySelector("a.menu-toggle");
  var menu = document.getElementById("site-menu");
  if (!link || !menu) {
    return;
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  while (link.firstChild) {
    button.appendChild(link.firstChild);
  }
  button.setAttribute("aria-controls", menu.id);
  button.setAttribute("aria-expanded", "false");
  link.replaceWith(button);

  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("site-header--open", open);
  }

  button.addEventListener("click", function () {
    setOpen(!isOpen());
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      setOpen(false);
      button.focus();
    }
  });

  // Back to the desktop layout (a rotated tablet, a widened window): the menu is a bar again, folded
  // for the next time the layout is narrow.
  var desktop = window.matchMedia("(min-width: 64em)");
  var onChange = function (event) {
    if (event.matches) {
      setOpen(false);
    }
  };
  if (desktop.addEventListener) {
    desktop.addEventListener("change", onChange);
  }

  // A link to #site-menu (the no-script fallback, shared or bookmarked) opens the menu here too.
  if (window.location.hash === "#" + menu.id) {
    setOpen(true);
  }
})();
