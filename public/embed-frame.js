/*
 * Runs inside Rollcall's embed (app/embed): tells the page that frames it how tall the embed
 * is, whenever that changes (a narrower column wraps the list), so public/embed.js on that
 * page can size the iframe to it. The height is no secret: it goes to whichever page frames.
 */
(function () {
  "use strict";
  if (window.parent === window) return;
  var root = document.querySelector("[data-embed]");
  if (!root) return;
  var last = 0;
  function send() {
    var height = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ "rollcall-height": height }, "*");
  }
  if (typeof ResizeObserver === "function") new ResizeObserver(send).observe(root);
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || event.data !== "rollcall-height?") return;
    last = 0;
    send();
  });
  send();
})();
