// DOM helpers shared by the element modules in ./elements/ (see docs/client.md).
// Text always goes in as textContent; only `html` fields (server-rendered Markdown) go through
// innerHTML, and only in the modules of kinds that have one (markdown, alert).

let n = 0;
export const uid = () => 'rr' + ++n; // unique DOM ids (label `for`, tab/panel pairs)
export const ui = {}; // client-only state that survives node replacement: tab index / expander open, by path
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

export function setLabel(span, e) {
  span.replaceChildren(e.label ?? '');
  if (e.help) span.append(' ', h('span', { class: 'rr-help', tabindex: 0, role: 'img', title: e.help, 'aria-label': e.help }, '?'));
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
    if (w.btn) return;
    const v = e.k === 'selectbox' || e.k === 'radio' ? e.index : e.value;
    // Never move the caret for an echo: only overwrite what the user sees when the server
    // changed its mind (differs from its last value) and the element shows something else.
    if (!eq(v, st.last) && !eq(v, w.get())) w.set(v);
    st.last = st.cur = v;
  };
  update(e);
  return { node, update, w: true, id: e.id, get: w.get, set: w.set, btn: w.btn, disabled: () => st.e.disabled };
}
