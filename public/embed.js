/*
 * Rollcall's embed script, for the page that embeds an event's list: each Rollcall iframe
 * (data-rollcall-embed) tells its height by postMessage (public/embed-frame.js runs inside
 * it) and is resized to it here, as Datawrapper's embeds do. Only a message from the frame's
 * own window and origin is heeded; loading the script twice is harmless.
 */
(function () {
  "use strict";
  if (window.__rollcallEmbed) return;
  window.__rollcallEmbed = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    var height = data && typeof data === "object" ? data["rollcall-height"] : undefined;
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > 100000) return;
    var frames = document.querySelectorAll("iframe[data-rollcall-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch {
        continue;
      }
      if (origin !== event.origin) continue;
      frame.style.height = Math.ceil(height) + "px";
    }
  });
  // A frame that loaded before this script told its height to no one: ask each again.
  function ask() {
    var frames = document.querySelectorAll("iframe[data-rollcall-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage("rollcall-height?", "*");
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ask);
  else ask();
})();
