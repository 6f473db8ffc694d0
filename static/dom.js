// DOM helpers shared by the element modules in ./elements/ (see docs/client.md).
// Text always goes in as textContent; only `html` fields (server-rendered Markdown) go through
// innerHTML, and only in the modules of kinds that have one (markdown, alert).

let n = 0;
export const uid = () => 'rr' + ++n; // unique DOM ids (label `for`, tab/panel pairs)
export const ui = {}; // client-only state that survives node replacement: tab index / expander open, by path
export const refusals = new Map(); // a widget id -> its handler of refused values (data_editor.js); true: shown
export const tables = new Map(); // a large dataframe's data id -> its handler of `rows` replies (client.js)

export function h(tag, props, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') n.className = v;
    else if (k === 'text') n.textContent = v;
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? '' : v);
  }
  n.append(...kids.filter((c) => c != null));
  return n;
}

export const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
export const dec = (x) => { const s = String(x ?? 1); return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0; };

// A leaf showing `e.text` in one element: the module of title, header, subheader, caption, text.
export const textLeaf = (tag, cls) => (e) => {
  const node = h(tag, { class: cls });
  const update = (e) => { node.textContent = e.text ?? ''; };
  update(e);
  return { node, update };
};

// The help icon goes after the <label>, not in it, so the control's name is its label alone; a
// label that is not shown keeps no help icon (nothing invisible takes the keyboard's focus).
export function setLabel(span, e) {
  span.replaceChildren(e.label ?? '');
  span.rrHelp?.remove();
  span.rrHelp = null;
  if (!e.help || (e.label_visibility || 'visible') !== 'visible') return;
  const icon = h('span', { class: 'rr-help', tabindex: 0, role: 'img', title: e.help, 'aria-label': e.help }, '?');
  const host = span.closest('label') ?? (span.classList.contains('rr-label') ? span : null);
  if (host) host.after(icon); else span.append(' ', icon);
  span.rrHelp = icon;
}
export function field(id) { // label row + body
  const lt = h('span');
  const row = h('div', { class: 'rr-lrow' }, h('label', { class: 'rr-label', for: id }, lt));
  return { lt, row };
}

// A widget's handle around its kind's builder: build(e, id, st, ctx) -> {node, paint(e), get(), set(v)}
// (or {node, paint, btn: true} for buttons). The value-echo rules live here, once for every widget.
export function widget(e, ctx, build) {
  const id = uid();
  const st = { e, cur: undefined, last: undefined };
  // A value we send counts as the server's latest too, so its echo never overwrites newer typing.
  st.setV = (v) => { if (st.e.form) return; st.cur = st.last = v; ctx.send({ t: 'set', id: st.e.id, v }); };
  const w = build(e, id, st, ctx);
  const node = w.node;
  node.classList.add('rr-w', 'rr-' + e.k);
  const update = (e) => {
    st.e = e;
    node.dataset.widgetId = e.id;
    if (e.form) node.dataset.rrForm = e.form; else delete node.dataset.rrForm;
    w.paint(e);
    labelVisibility(node, id, e);
    if (w.btn) return;
    const v = e.k === 'selectbox' || e.k === 'radio' ? e.index : e.value;
    // Never move the caret for an echo: only overwrite what the user sees when the server
    // changed its mind (differs from its last value) and the element shows something else.
    if (!eq(v, st.last) && !eq(v, w.get())) w.set(v);
    st.last = st.cur = v;
  };
  update(e);
  // `sent`: a form submitted this value, so the server's later value (a cleared form) is news
  return { node, update, w: true, id: e.id, get: w.get, set: w.set, btn: w.btn, disabled: () => st.e.disabled, sent: (v) => { st.cur = st.last = v; } };
}

// label_visibility: "hidden" keeps the label's space, "collapsed" removes it (style.css); both keep
// the label for screen readers: it stays in the accessibility tree, and the control is named by
// aria-label too (unless its module names it itself).
function labelVisibility(node, id, e) {
  const lv = e.label_visibility || 'visible';
  node.classList.toggle('rr-lv-hidden', lv === 'hidden');
  node.classList.toggle('rr-lv-collapsed', lv === 'collapsed');
  const ctl = node.querySelector('#' + id);
  if (!ctl || (ctl.hasAttribute('aria-label') && !ctl.rrAl)) return;
  ctl.rrAl = lv !== 'visible';
  if (ctl.rrAl) ctl.setAttribute('aria-label', e.label ?? ''); else ctl.removeAttribute('aria-label');
}

// Options shown as a row of buttons (pills, segmented_control); label by id (a group has no <label for>).
export function groupField(id) {
  const lt = h('span', { class: 'rr-label', id: id + 'l' });
  return { lt, row: h('div', { class: 'rr-lrow' }, lt) };
}
