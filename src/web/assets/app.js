// Progressive enhancement for the server-rendered pages; every page works without it.
'use strict';
(function enhanceForms() {
  // A form marked data-enhance is posted in the background; the page it leads to (the server
  // answers 303 to it) replaces the regions both share (data-region), so the reader keeps their
  // place. Without this script the same form posts and reloads the page.
  const regionsOf = (root) => root.querySelectorAll('[data-region]');

  function successorOf(form, submitter) {
    if (submitter?.id) return document.getElementById(submitter.id);
    const action = form.getAttribute('action');
    for (const candidate of document.querySelectorAll('form[data-enhance]')) {
      if (candidate.getAttribute('action') !== action) continue;
      const button = submitter?.name
        ? candidate.querySelector(`button[name="${submitter.name}"]`)
        : candidate.querySelector('button[type="submit"], button:not([type])');
      if (button) return button;
    }
    return null;
  }

  async function submit(form, submitter) {
    const body = new URLSearchParams(new FormData(form, submitter));
    form.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { Accept: 'text/html' },
      });
      if (!response.ok || response.redirected === false) {
        // An error page or a form with its errors: show it whole, as a plain post would.
        document.open();
        document.write(await response.text());
        document.close();
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const hadFocus = form.contains(document.activeElement);
      for (const region of regionsOf(page)) {
        const current = document.querySelector(`[data-region="${region.dataset.region}"]`);
        if (current) current.replaceWith(document.importNode(region, true));
      }
      // The button was replaced with its region: give focus to its successor, so a keyboard
      // user stays where they were.
      if (hadFocus) successorOf(form, submitter)?.focus();
      const status = document.getElementById('enhance-status');
      if (status) status.textContent = submitter?.dataset.done ?? 'Saved';
    } catch {
      form.submit();
    } finally {
      form.removeAttribute('aria-busy');
    }
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-enhance')) return;
    if (form.enctype === 'multipart/form-data') return;
    event.preventDefault();
    void submit(form, event.submitter);
  });
})();

(function liveRegions() {
  // A region marked data-live-url is refreshed from that URL every second while it says so (an
  // import in progress); its data-announce text, when it changes, is read out through #live-status.
  // The server-rendered page refreshes itself without the script.
  async function refresh(region) {
    const url = region.dataset.liveUrl;
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const next = page.querySelector(`[data-region="${region.dataset.region}"]`);
    // Unchanged: leave it, so nothing flickers and a reader's place in it is kept.
    if (!next || next.outerHTML === region.outerHTML) return;
    const status = document.getElementById('live-status');
    if (status && next.dataset.announce && next.dataset.announce !== region.dataset.announce) {
      status.textContent = next.dataset.announce;
    }
    region.replaceWith(document.importNode(next, true));
  }

  setInterval(() => {
    for (const region of document.querySelectorAll('[data-live-url]')) void refresh(region);
  }, 1000);
})();
