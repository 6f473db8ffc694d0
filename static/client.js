// reactive_rerun browser client: websocket, frame sequencing, op application. See docs/protocol.md.
import { h, refusals, tables } from './dom.js';
import { create, layout, load, missing } from './render.js';
import { icon } from './icons.js';

// This page load's own token (memory only, unlike sessionStorage, which a duplicated tab copies):
// the server lets a reconnect with the same token take its session back from a stale socket.
const TAB = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');

const KEY = 'rr-session:' + new URL(document.baseURI).pathname; // one per mounted app: a tab may visit several
const store = {
  get: () => { try { return sessionStorage.getItem(KEY); } catch { return null; } },
  set: (v) => { try { v ? sessionStorage.setItem(KEY, v) : sessionStorage.removeItem(KEY); } catch {} },
};

const $ = (id) => document.getElementById(id);
const main = $('rr-main'), side = $('rr-side');
const nodes = new Map(); // path -> DOM node (roots included)
for (const [p, n] of [['m', main], ['s', side]]) { n.rr = { k: 'block', type: 'root', slot: n }; nodes.set(p, n); }

// Test hooks: window.__rr.state / .lastSeq / .session / .runs / .quiet / .nodes
const R = (window.__rr = {
  state: 'connecting', lastSeq: 0, session: store.get(), runs: new Map(), quiet: new Set(), nodes,
  ws: null, live: false, ever: false, closed: false, resyncing: false, queue: [],
  next: 0, sent: [], // numbered events not yet acknowledged: resent after a reconnect (maybe to another worker)
});

// ---- outgoing ---------------------------------------------------------------------------------
const NUMBERED = new Set(['set', 'click', 'submit', 'nav']);
function send(msg) {
  if (NUMBERED.has(msg.t)) { // kept until acknowledged; the server applies each number once
    msg.n = ++R.next;
    R.sent.push(msg);
    if (R.sent.length > 500) R.sent.shift();
    if (R.live && R.ws?.readyState === 1) R.ws.send(JSON.stringify(msg));
    return;
  }
  if (R.live && R.ws?.readyState === 1) R.ws.send(JSON.stringify(msg));
  else if (R.queue.length < 100) R.queue.push(msg); // sent after the next hello
}
const ctx = {
  send,
  submit(form, id) {
    const values = {};
    const fields = document.querySelectorAll(`[data-rr-form="${CSS.escape(form)}"]`);
    // a field that refuses its value (required, pattern) blocks the submission and says why
    const bad = [...fields].find((n) => n.rr?.valid && !n.rr.disabled?.() && !n.rr.valid());
    if (bad) return bad.rr.valid(true);
    for (const n of fields) {
      const r = n.rr;
      if (!r?.w || r.btn || r.disabled?.()) continue; // a disabled field keeps its value
      const v = r.get();
      if (v === null && (r.k === 'number_input' || r.k === 'slider')) continue; // invalid entry: keep old value
      values[r.id] = v;
      r.sent?.(v);
    }
    send({ t: 'submit', form, id, values });
  },
  enter(form) { // Enter in a text input of a form presses the form's first submit button (enter_to_submit)
    if (document.querySelector(`form[data-form-id="${CSS.escape(form)}"]`)?.dataset.enter === '0') return;
    document.querySelector(`[data-rr-form="${CSS.escape(form)}"][data-kind="submit"] button:not(:disabled)`)?.click();
  },
};

// ---- elements ---------------------------------------------------------------------------------
// Staleness costs what a run changes, not what the page holds. `start` only notes the run and
// arms a timer; every node a run draws or confirms records the count of run starts at that
// moment (`rrGen`, a plain property: no DOM write). A run still going after DIM_MS marks the
// nodes of its scope not touched since it started with `rr-stale` (once: dimming them restyles
// them anyway); they lose it when drawn, confirmed or removed, and at the run's `end`, which
// visits only the nodes that carry it. A run shorter than DIM_MS never writes to a node it did
// not draw, and `rm` walks only the removed subtree.
const DIM_MS = 500;
let gen = 0; // run starts so far
const dimmed = new Set(); // the nodes that carry rr-stale
const timers = new Map(); // run -> its dimming timer

function touch(n) { // drawn or confirmed: fresh for every run started so far
  n.rrGen = gen;
  if (dimmed.delete(n)) n.classList.remove('rr-stale');
}

function dim(scope, since) { // a slow run: what it has not touched since it started looks stale
  const roots = scope == null ? [main, side] : [nodes.get(scope)];
  for (const root of roots) {
    for (const n of root?.querySelectorAll('[data-path]') || []) {
      if (n.rrGen >= since || dimmed.has(n) || nodes.get(n.dataset.path) !== n) continue;
      dimmed.add(n);
      n.classList.add('rr-stale');
    }
  }
}

function fresh(scope) { // a run ended: nothing in its scope stays stale
  const pre = scope == null ? '' : scope + '.';
  for (const n of dimmed) {
    if (!n.isConnected || n.dataset.path.startsWith(pre)) { dimmed.delete(n); n.classList.remove('rr-stale'); }
  }
}

function forget(n) { // n left the page: drop it and its subtree from `nodes`
  for (const c of [n, ...n.querySelectorAll('[data-path]')]) {
    const p = c.dataset.path;
    if (nodes.get(p) === c) nodes.delete(p);
    dimmed.delete(c);
    c.rr?.gone?.(); // the module lets go of what outlives the node (a chart's listeners)
  }
}

// Fields a kind's elements leave out when they hold its default (the page shell lists them).
const DEFAULTS = JSON.parse(document.getElementById('rr-defaults')?.textContent || '{}');
const complete = (e) => { const d = DEFAULTS[e.k === 'block' ? e.type : e.k]; return d ? { ...d, ...e } : e; };

function put(p, e) {
  e = complete(e);
  const old = nodes.get(p);
  if (old) {
    const r = old.rr;
    // same kind (a block: same type; a widget: same id too): update in place, keeping DOM state
    if (e.k === 'block' ? r.k === 'block' && r.type === e.type : r.k === e.k && (!r.w || r.id === e.id)) {
      r.update(e);
      layout(old, e);
      return touch(old);
    }
    forget(old);
    const n = create(e, p, ctx);
    n.rrIdx = old.rrIdx;
    n.rrGen = gen;
    old.replaceWith(n);
    return nodes.set(p, n);
  }
  const i = p.lastIndexOf('.'), parent = nodes.get(p.slice(0, i));
  if (!parent?.rr.slot) return console.warn('rr: no parent block for', p);
  const n = create(e, p, ctx), idx = +p.slice(i + 1), slot = parent.rr.slot;
  n.rrIdx = idx;
  n.rrGen = gen;
  const last = slot.lastElementChild; // pages arrive in path order: appending is the common case
  slot.insertBefore(n, !last || last.rrIdx < idx ? null : [...slot.children].find((c) => c.rrIdx > idx) || null);
  nodes.set(p, n);
  parent.rr.added?.(n);
}

function rm(p) {
  const n = nodes.get(p);
  if (!n || !p.includes('.')) return;
  n.remove();
  forget(n);
}

function ended(run) {
  clearTimeout(timers.get(run));
  timers.delete(run);
  R.runs.delete(run);
  R.quiet.delete(run);
  begun.delete(run);
}

function reset() {
  for (const [p, n] of nodes) if (p.includes('.')) n.rr?.gone?.();
  main.replaceChildren();
  side.replaceChildren();
  for (const p of [...nodes.keys()]) if (p.includes('.')) nodes.delete(p);
  for (const run of [...R.runs.keys()]) ended(run);
  dimmed.clear();
}

// set_page_config: the title, icon (an emoji drawn as SVG, or an image URL), layout, sidebar.
let sidebarSet = false;
function pageSettings(o) {
  if (o.title != null) document.title = o.title;
  if (o.icon != null) {
    let link = document.querySelector('link[rel=icon]');
    if (!link) document.head.append((link = h('link', { rel: 'icon' })));
    const url = /^(https?:|data:image\/|\/|\.)/.test(o.icon) ? o.icon
      : 'data:image/svg+xml,' + encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${o.icon.replace(/[<>&]/g, '')}</text></svg>`);
    link.href = url;
  }
  document.body.classList.toggle('rr-wide', o.layout === 'wide');
  if (!sidebarSet && o.sidebar && o.sidebar !== 'auto') { // only the first time: the user decides after
    sidebarSet = true;
    document.body.classList.toggle('rr-sb-open', o.sidebar === 'expanded');
    document.body.classList.toggle('rr-sb-closed', o.sidebar === 'collapsed');
  }
}

const OPS = {
  ack: (o) => { R.sent = R.sent.filter((m) => m.n > o.n); },
  page: pageSettings,
  url(o) { // the query string, and for a page switch its path (pushed: back and forward work)
    const target = o.path != null ? new URL((o.path || './') + (o.query || ''), document.baseURI).href
      : location.pathname + (o.query || '') + location.hash;
    if (o.push) history.pushState({ rrPage: o.path }, '', target);
    else history.replaceState(history.state, '', target);
  },
  session() {}, // handled before sequencing, see onFrame
  reset,
  start(o) {
    const scope = o.scope === 'fragment' ? o.path : null, since = ++gen;
    clearTimeout(timers.get(o.run));
    R.runs.set(o.run, scope);
    if (o.quiet) R.quiet.add(o.run); // a timer's run: stale as any other, but not "Running…"
    else { begun.set(o.run, performance.now()); setTimeout(refresh, RUNNING_MS); }
    timers.set(o.run, setTimeout(() => R.runs.has(o.run) && dim(scope, since), DIM_MS));
  },
  el: (o) => put(o.p, o.e),
  ok: (o) => o.p.forEach((p) => nodes.has(p) && touch(nodes.get(p))),
  rm: (o) => o.p.forEach(rm),
  end(o) {
    if (R.runs.has(o.run)) { fresh(R.runs.get(o.run)); ended(o.run); }
    else if (!R.runs.size) fresh(null);
  },
  error: (o) => { if (!(o.id && refusals.get(o.id)?.(o))) toast(o.message || 'Error', 'error'); },
  notice: (o) => toast(o.message, o.level === 'warning' ? 'warning' : 'info'),
  close(o) {
    R.closed = true;
    R.session = null;
    store.set(null);
    // A server shutdown/restart or an expired session is worth a fresh session once the server is
    // back; anything else (e.g. a protocol version mismatch) would fail again: ask for a reload.
    R.retry = /shut|restart|expir|timeout|timed out|idle/i.test(o.reason || '');
    if (!R.retry) toast(o.reason || 'Session ended.', 'info', true);
    setTimeout(() => R.ws?.close()); // after this frame; onclose reconnects (as a new session) or stops
  },
};

function onFrame(f) {
  const ops = Array.isArray(f.ops) ? f.ops : [];
  if (!(f.seq > 0)) { // out-of-band (a refused hello, a table's rows): only notices and replies apply
    for (const o of ops) {
      if (o.op === 'error' || o.op === 'close') OPS[o.op](o);
      else if (o.op === 'rows') tables.get(o.id)?.(o); // a window of a large dataframe (elements/dataframe.js)
      else if (o.op === 'load' && typeof o.kind === 'string') load([o.kind]); // a heavy element's code, ahead of its data
    }
    return;
  }
  const ses = ops.find((o) => o.op === 'session');
  if (ses) {
    R.session = ses.id;
    store.set(ses.id);
    R.closed = false;
    if (!ses.resumed) { R.lastSeq = 0; R.queue.length = 0; R.sent.length = 0; R.next = 0; reset(); } // a new session counts from 1
  }
  if (!ops.some((o) => o.op === 'reset')) {
    if (f.seq <= R.lastSeq || R.resyncing) return;
    if (f.seq !== R.lastSeq + 1) {
      R.resyncing = true;
      return send({ t: 'resync' });
    }
  }
  R.resyncing = false;
  R.lastSeq = f.seq;
  for (const o of ops) {
    try { OPS[o.op]?.(o); } catch (err) { console.error('rr: op failed', o, err); }
  }
  document.body.classList.toggle('rr-has-sb', side.children.length > 0);
}

// ---- connection -------------------------------------------------------------------------------
const statusText = $('rr-status-text');
const LABEL = { connecting: 'Connecting…', connected: 'Connected', running: 'Running…', reconnecting: 'Reconnecting…', closed: 'Disconnected' };
// Offline for more than a second: a banner, and the page's widgets disabled (`inert`: what was
// typed stays) until the socket is back.
let offlineTimer = null;
function offline(on) {
  clearTimeout(offlineTimer);
  offlineTimer = null;
  if (on && !document.body.classList.contains('rr-offline')) {
    offlineTimer = setTimeout(() => {
      let banner = $('rr-offline');
      if (!banner) document.body.append((banner = h('div', { id: 'rr-offline', role: 'alert' },
        h('strong', { text: 'Connection lost.' }), ' Reconnecting… the page is paused until the server is back.')));
      document.body.classList.add('rr-offline');
      $('rr-page').inert = side.inert = true;
    }, 1000);
  } else if (!on) {
    document.body.classList.remove('rr-offline');
    $('rr-page').inert = side.inert = false;
  }
}

// "Running…" and Stop show once a run has gone on for RUNNING_MS: a click's quick run changes
// nothing in the page's chrome (no restyle of the status on every click).
const RUNNING_MS = 120;
const begun = new Map(); // run -> when its start arrived (runs the user's events started)

function refresh() {
  const now = performance.now();
  const busy = [...begun.values()].some((t) => now - t >= RUNNING_MS - 1);
  const s = R.closed && !R.retry ? 'closed' : R.live ? (busy ? 'running' : 'connected') : R.ever ? 'reconnecting' : 'connecting';
  if (s === R.state && document.body.dataset.rrState === s) return;
  R.state = document.body.dataset.rrState = s;
  statusText.textContent = LABEL[s];
  offline(s === 'reconnecting');
}

// Every socket event is handled in arrival order on one promise chain: a frame that draws a kind
// whose module is not loaded yet waits for its import, and everything after it queues behind.
// Each frame is then applied synchronously, in one go.
let chain = Promise.resolve();
const inOrder = (fn) => (chain = chain.then(fn).catch((err) => console.error('rr:', err)));

// The page's path below the app's base: which page of a multipage app this URL names.
const BASE = new URL(document.baseURI).pathname;
const pagePath = () => decodeURIComponent(location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '').replace(/\/+$/, '').slice(0, 200);
addEventListener('popstate', () => send({ t: 'nav', page: pagePath(), back: true })); // back / forward

let delay = 200;
function connect() {
  const u = new URL('_rr/ws', document.baseURI);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = (R.ws = new WebSocket(u));
  ws.onopen = () => inOrder(() => {
    R.resyncing = false; // the server replays from our lastSeq (or sends a full page)
    ws.send(JSON.stringify({
      t: 'hello', v: 1, session: R.session, seq: R.session ? R.lastSeq : 0, tab: TAB,
      url: location.href.slice(0, 4096), page: pagePath(), locale: navigator.language || undefined,
      tz: Intl.DateTimeFormat().resolvedOptions().timeZone || undefined, tzoff: new Date().getTimezoneOffset(),
    }));
  });
  ws.onmessage = (ev) => {
    let f;
    try { f = JSON.parse(ev.data); } catch { return console.warn('rr: bad frame'); }
    const need = missing(Array.isArray(f?.ops) ? f.ops : []);
    if (need.length) { const loaded = load(need); inOrder(() => loaded); } // imports start now
    inOrder(() => {
      const first = !R.live;
      R.live = R.ever = true;
      onFrame(f);
      if (first) {
        delay = 200;
        for (const m of R.sent) ws.send(JSON.stringify(m)); // not acknowledged: the server skips what it has
        for (const m of R.queue.splice(0)) ws.send(JSON.stringify(m)); // made while offline
      }
      refresh();
    });
  };
  ws.onclose = (ev) => inOrder(() => {
    if (R.ws !== ws) return;
    R.ws = null;
    R.live = false;
    if (ev.code === 1008) { // policy: bad origin / version / session limit; retrying would not help
      R.closed = true;
      R.retry = false;
      toast(ev.reason || 'The server refused the connection.', 'error', true);
    }
    refresh();
    if (R.closed && !R.retry) return;
    setTimeout(connect, delay * (0.8 + Math.random() * 0.4));
    delay = Math.min(delay * 2, 5000);
  });
}

// ---- chrome: toasts, sidebar toggle -----------------------------------------------------------
function toast(msg, level, sticky) {
  const t = h('div', { class: 'rr-toast rr-' + level, role: 'alert' }, h('span', { text: msg }));
  const bye = () => t.remove();
  for (const o of $('rr-toasts').children) if (o.firstChild.textContent === msg) o.remove();
  if (sticky) t.append(h('button', { type: 'button', class: 'rr-btn rr-primary', text: 'Reload', onclick: () => location.reload() }));
  t.append(h('button', { type: 'button', class: 'rr-x', 'aria-label': 'Dismiss', text: '×', onclick: bye }));
  $('rr-toasts').append(t);
  if (!sticky) setTimeout(bye, 8000);
}

const tog = $('rr-sbtoggle');
const sb = (open) => { document.body.classList.toggle('rr-sb-open', open); tog.setAttribute('aria-expanded', open); };
tog.onclick = () => {
  const body = document.body.classList;
  if (body.contains('rr-sb-closed') && matchMedia('(min-width: 900px)').matches) return body.remove('rr-sb-closed');
  sb(!body.contains('rr-sb-open'));
};
$('rr-backdrop').onclick = () => sb(false);
addEventListener('keydown', (e) => e.key === 'Escape' && sb(false));

// rr.toast: Markdown the server rendered (raw HTML escaped), an optional icon, a duration.
OPS.toast = (o) => {
  const md = h('div', { class: 'rr-md' });
  md.innerHTML = o.html || ''; // server-rendered Markdown, HTML escaped
  const t = h('div', { class: 'rr-toast rr-note', role: 'status' }, icon(o.icon, 'rr-toast-icon'), md);
  t.append(h('button', { type: 'button', class: 'rr-x', 'aria-label': 'Dismiss', text: '×', onclick: () => t.remove() }));
  $('rr-toasts').append(t);
  if (o.duration) setTimeout(() => t.remove(), o.duration * 1000);
};
// rr.balloons / rr.snow: a few seconds of CSS animation, skipped when the user prefers less motion.
OPS.effect = (o) => {
  if (matchMedia('(prefers-reduced-motion: reduce)').matches || !['balloons', 'snow'].includes(o.name)) return;
  const layer = h('div', { class: 'rr-effect', 'aria-hidden': 'true' });
  const hues = [0, 35, 50, 140, 200, 265, 320];
  for (let i = 0; i < 36; i++) {
    const r = Math.random, el = h('i');
    const st = { left: (r() * 100).toFixed(1) + '%', '--d': (r() * 1.2).toFixed(2) + 's', '--t': (2.6 + r() * 1.6).toFixed(2) + 's',
      '--x': ((r() - .5) * 30).toFixed(0) + 'vw', '--r2': ((r() - .5) * 60).toFixed(0) + 'deg' };
    if (o.name === 'balloons') { el.className = 'rr-balloon'; st.background = `hsl(${hues[i % hues.length]} 80% 60%)`; }
    else { el.className = 'rr-flake'; el.textContent = '❄'; st['font-size'] = (0.8 + r() * 1.4).toFixed(2) + 'rem'; }
    for (const [k, v] of Object.entries(st)) el.style.setProperty(k, v);
    layer.append(el);
  }
  document.body.append(layer);
  setTimeout(() => layer.remove(), 5500);
};

// The Stop control (beside the status while a run is in flight): cancels the runs in flight; what
// they drew stays on the page (a partial reply), and nothing reruns.
$('rr-status').after(h('button', { type: 'button', id: 'rr-stop', title: 'Stop the running script', text: 'Stop', onclick: () => send({ t: 'stop' }) }));

// ---- chrome: the app menu (⋮): Rerun, Theme: System / Light / Dark --------------------------
// The choice is kept per browser (localStorage); index.html applies it before the first paint.
const root = document.documentElement;
const THEMES = [['system', 'System'], ['light', 'Light'], ['dark', 'Dark']];
const darkMQ = matchMedia('(prefers-color-scheme: dark)');
function applyTheme(choice) {
  root.dataset.rrTheme = choice;
  root.dataset.theme = choice === 'light' || choice === 'dark' ? choice : darkMQ.matches ? 'dark' : 'light';
}
darkMQ.addEventListener('change', () => applyTheme(root.dataset.rrTheme || 'system'));
addEventListener('storage', (e) => { if (e.key === 'rr-theme' && e.newValue) applyTheme(e.newValue); }); // another tab chose
const menuBtn = $('rr-menubtn');
const menu = h('div', { id: 'rr-menulist', role: 'menu', 'aria-label': 'Main menu', hidden: true });
const item = (text, onclick, extra = {}) => h('button', { type: 'button', role: 'menuitem', tabindex: -1, class: 'rr-mi', text, onclick, ...extra });
const themeItems = THEMES.map(([v, label]) => item(label, () => {
  try { localStorage.setItem('rr-theme', v); } catch {}
  applyTheme(v);
  closeMenu();
}, { role: 'menuitemradio', 'data-theme-choice': v }));
menu.append(
  item('Rerun', () => { closeMenu(); send({ t: 'rerun' }); }),
  h('div', { role: 'separator', class: 'rr-msep' }),
  h('div', { class: 'rr-mhead', 'aria-hidden': 'true', text: 'Theme' }),
  h('div', { role: 'group', 'aria-label': 'Theme' }, ...themeItems),
);
$('rr-menu').append(menu);
const menuItems = () => [...menu.querySelectorAll('[role^=menuitem]')];
function openMenu(focusLast) {
  for (const b of themeItems) b.setAttribute('aria-checked', String(b.dataset.themeChoice === (root.dataset.rrTheme || 'system')));
  menu.hidden = false;
  menuBtn.setAttribute('aria-expanded', 'true');
  const all = menuItems();
  (focusLast ? all[all.length - 1] : all[0]).focus();
}
function closeMenu(refocus = true) {
  if (menu.hidden) return;
  menu.hidden = true;
  menuBtn.setAttribute('aria-expanded', 'false');
  if (refocus) menuBtn.focus();
}
menuBtn.onclick = () => (menu.hidden ? openMenu() : closeMenu());
menuBtn.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); openMenu(e.key === 'ArrowUp'); }
});
menu.addEventListener('keydown', (e) => {
  const all = menuItems(), i = all.indexOf(document.activeElement);
  const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[e.key];
  if (to != null) { e.preventDefault(); all[(to + all.length) % all.length].focus(); }
  else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeMenu(); }
  else if (e.key === 'Tab') closeMenu(false);
});
addEventListener('pointerdown', (e) => { if (!menu.hidden && !$('rr-menu').contains(e.target)) closeMenu(false); });

refresh();
connect();
