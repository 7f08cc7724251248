/* runlens-embed.js (docs/embed-protocol.md): sizes Runlens iframes, relays their events.
   <iframe data-runlens src="https://runlens.corp/experiments/1?embed=true"></iframe>
   <script src="https://runlens.corp/runlens-embed.js"></script>
   Each gets a frameId (its id, else runlens-N) and fires runlens:ready|height|run-click|selection
   (detail: the message) on messages from its own window and origin.
   RunlensEmbed.setTheme(iframe, theme); RunlensEmbed.highlightRun(iframe, runId|null). */
/* global window, document, URL, CustomEvent, MutationObserver */
(function () {
  'use strict';
  if (window.RunlensEmbed) return;
  var PROTOCOL = 'runlens-embed', VERSION = 1, SELECTOR = 'iframe[data-runlens]', count = 0;

  function originOf(frame) {
    try {
      return new URL(frame.src).origin.replace(/^null$/, '');
    } catch {
      return '';
    }
  }

  // On src changes too: a navigated frame keeps its frameId.
  function adopt(frame) {
    var url = originOf(frame) && new URL(frame.src);
    if (!url || url.searchParams.has('frameId')) return;
    frame.runlensId = frame.runlensId || frame.id || 'runlens-' + ++count;
    url.searchParams.set('frameId', frame.runlensId);
    frame.src = url.href;
  }

  function scan(node) {
    if (node.nodeType !== 1) return;
    if (node.matches(SELECTOR)) adopt(node);
    node.querySelectorAll(SELECTOR).forEach(adopt);
  }

  window.addEventListener('message', function (event) {
    var data = event.data || {};
    if (!event.source || data.protocol !== PROTOCOL || data.version !== VERSION || !/^(ready|height|run-click|selection)$/.test(data.type)) return;
    var frame = [].find.call(document.querySelectorAll(SELECTOR), function (f) { return f.contentWindow === event.source; });
    if (!frame || event.origin !== originOf(frame)) return;
    if (data.type === 'height') {
      var h = data.height;
      if (typeof h != 'number' || !(h >= 0 && h < 1e6)) return;
      frame.style.height = Math.ceil(h) + 'px';
    }
    frame.dispatchEvent(new CustomEvent('runlens:' + data.type, { detail: data }));
  });

  function post(frame, message) {
    var origin = originOf(frame);
    if (origin && frame.contentWindow) frame.contentWindow.postMessage(Object.assign({ protocol: PROTOCOL, version: VERSION }, message), origin);
  }

  window.RunlensEmbed = {
    setTheme: function (frame, theme) { post(frame, { type: 'set-theme', theme: theme }); },
    highlightRun: function (frame, runId) { post(frame, { type: 'highlight-run', runId: runId ? String(runId) : null }); },
  };

  // Parser-inserted iframes are mutations too: the script may be anywhere.
  scan(document.documentElement);
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(scan);
      if (record.type === 'attributes') scan(record.target);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-runlens', 'src'] });
})();
