// Tolk preview: live reload, style-sheet hot swap and the error overlay.
// `tolk serve` puts this script into every HTML page it serves; it is never part of a build.
// The script tag tells which output file this page shows (data-file), the one it asked for when that was a
// 404 (data-wanted), and the build it came from (data-generation). After each rebuild the server says which
// files changed, and the page reloads only if it is one of them.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || window.__tolkLive) return;
  window.__tolkLive = true;
  const data = script.dataset;
  const instance = data.instance;
  const file = data.file;
  const wanted = data.wanted || null;
  const dynamic = data.dynamic === 'true';
  let generation = Number(data.generation);
  // The build this page is up to date with, for anyone looking (tests, curious users): <html data-tolk-generation>.
  const mark = () => { document.documentElement.dataset.tolkGeneration = String(generation); };
  mark();
  let hiddenUntilNextBuild = false;

  // ---------- what a rebuild means for this page ----------

  const reload = () => location.reload();

  const affects = changed => changed.includes(file) || (wanted !== null && changed.includes(wanted));

  // Resources this page loads (images, scripts, media), as output paths: an edited photo reloads the page.
  const uses = changed => {
    const mine = new Set();
    // Only what the page loads: not the feeds, translations and canonical URL its <link>s and <a>s point to.
    document.querySelectorAll('[src], [srcset], object[data], link[rel~="stylesheet"], link[rel~="icon"], '
        + 'link[rel~="preload"], link[rel~="modulepreload"]').forEach(el => {
      const urls = [el.getAttribute('src'), el.getAttribute('data'), el.tagName === 'LINK' ? el.getAttribute('href') : null];
      (el.getAttribute('srcset') || '').split(',').forEach(part => urls.push(part.trim().split(/\s+/)[0]));
      for (const u of urls) {
        if (!u) continue;
        try {
          const url = new URL(u, location.href);
          if (url.origin === location.origin) mine.add(decodeURIComponent(url.pathname).replace(/^\//, ''));
        } catch (e) { /* not a URL */ }
      }
    });
    return changed.some(f => mine.has(f));
  };

  // New style sheets are loaded beside the old ones, which go when the new ones are in: no flash.
  const swapStylesheets = () => {
    const stamp = Date.now();
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(link => {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      url.searchParams.set('tolk-css', stamp);
      const next = link.cloneNode();
      next.href = url.href;
      const done = () => link.remove();
      next.addEventListener('load', done, { once: true });
      next.addEventListener('error', done, { once: true });
      link.after(next);
    });
  };

  // This page may come from an older build than the stream reports (a rebuild finished while it loaded,
  // or the connection dropped for a while): ask the server whether this page changed since.
  const catchUp = async () => {
    const query = new URLSearchParams({ since: String(generation), file });
    if (wanted) query.set('wanted', wanted);
    if (dynamic) query.set('dynamic', 'true');
    try {
      const answer = await (await fetch('/_tolk/changed?' + query, { cache: 'no-store' })).json();
      if (answer.instance !== instance || answer.reload) return reload();
      if (answer.css) swapStylesheets();
      generation = answer.generation;
      mark();
    } catch (e) { /* the server is gone: the stream reconnects and asks again */ }
  };

  const onState = state => {
    if (state.instance !== instance) return reload();   // a new server: this page may be stale
    status(true);
    showProblems(state);
    if (state.generation !== generation) catchUp();
  };

  const onRebuild = event => {
    if (event.instance !== instance) return reload();
    hiddenUntilNextBuild = false;
    if (event.swapped) {
      if (event.previous !== generation) {
        catchUp();
      } else if (event.moved && event.moved.from === file) {
        location.href = event.moved.to;   // the page moved (new slug or date): follow it
        return;
      } else if (event.css) {
        swapStylesheets();   // only style sheets changed: this page's HTML is as it was
        generation = event.generation;
        mark();
      } else if (event.all || affects(event.changed) || uses(event.changed)
          || (dynamic && event.changed.length > 0)) {
        return reload();
      } else {
        generation = event.generation;
        mark();
      }
    }
    showProblems(event);
  };

  // ---------- the overlay ----------

  let overlay = null;
  const element = (tag, className, text) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;   // problem text is never parsed as HTML
    return el;
  };

  const showProblems = state => {
    if (overlay) { overlay.remove(); overlay = null; }
    if (!state.errors || hiddenUntilNextBuild) return;
    overlay = document.createElement('tolk-overlay');
    const root = overlay.attachShadow({ mode: 'open' });
    const css = element('link');
    css.rel = 'stylesheet';
    css.href = '/_tolk/overlay.css';
    root.append(css);
    const backdrop = element('div', 'backdrop');
    const panel = element('section', 'panel');
    panel.setAttribute('role', 'alertdialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-labelledby', 'tolk-title');
    const header = element('header');
    const title = element('h2', null, `The site did not build: ${state.errors} error${state.errors === 1 ? '' : 's'}`);
    title.id = 'tolk-title';
    const close = element('button', 'close', 'Hide');
    close.type = 'button';
    close.title = 'Hide until the next rebuild (Esc)';
    close.addEventListener('click', () => { hiddenUntilNextBuild = true; showProblems({}); });
    header.append(title, close);
    const note = element('p', 'note', 'Under this overlay is the last version that built. '
      + 'Fix the files and save: the preview rebuilds and this goes away by itself.');
    const list = element('ol', 'problems');
    for (const p of state.problems || []) {
      const item = element('li', p.severity);
      item.append(element('span', 'where', p.where), document.createTextNode(': '),
        element('span', 'severity', p.severity + ': '), element('span', 'message', p.message));
      list.append(item);
    }
    if (state.more) list.append(element('li', 'more', `… and ${state.more} more (the terminal lists them all)`));
    panel.append(header, note, list);
    backdrop.append(panel);
    root.append(backdrop);
    document.documentElement.append(overlay);
    close.focus({ preventScroll: true });
  };

  document.addEventListener('keydown', e => {
    if (e.key === 'Escape' && overlay) { hiddenUntilNextBuild = true; showProblems({}); }
  });

  // A small notice while the preview server cannot be reached.
  let notice = null;
  const status = up => {
    if (up && notice) { notice.remove(); notice = null; }
    if (!up && !notice) {
      notice = document.createElement('tolk-status');
      const root = notice.attachShadow({ mode: 'open' });
      const css = element('link');
      css.rel = 'stylesheet';
      css.href = '/_tolk/overlay.css';
      root.append(css, element('p', 'status', 'Tolk preview disconnected – retrying…'));
      document.documentElement.append(notice);
    }
  };

  // ---------- the connection ----------

  const handlers = { state: onState, rebuild: onRebuild, down: () => status(false) };
  // One stream shared by every tab, through a shared worker: browsers open at most six HTTP/1.1
  // connections per host, and a stream per tab would hang the seventh tab's page loads.
  if (window.SharedWorker) {
    try {
      const worker = new SharedWorker('/_tolk/worker.js', { name: 'tolk-live-reload' });
      worker.port.onmessage = e => { const h = handlers[e.data.type]; if (h) h(e.data.data); };
      worker.port.start();
      addEventListener('pagehide', () => worker.port.postMessage('bye'));
      return;
    } catch (e) { /* no shared workers here (a private window in some browsers): one stream per tab */ }
  }
  const source = new EventSource('/_tolk/events');
  source.addEventListener('state', e => onState(JSON.parse(e.data)));
  source.addEventListener('rebuild', e => onRebuild(JSON.parse(e.data)));
  source.addEventListener('error', () => status(false));
})();
