import { h, eq, ui, uid } from '../dom.js';

// Children are `tab` panels. Untracked (`id` null): `index` is the initial tab, then the selected
// index is kept by path in `ui` (survives a rebuild). Tracked: each pick is sent as the widget's
// value (the tab index) and the server's `index` is shown.
export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'labels', 'index', 'width', 'height'];
export default function mount(e, ctx) {
  const path = ctx.path, base = uid();
  const list = h('div', { role: 'tablist', class: 'rr-tablist' });
  const slot = h('div', { class: 'rr-panels' });
  const node = h('div', { class: 'rr-tabs' }, list, slot);
  let labels, cur = e, last;
  const sel = () => ui[path] ?? cur.index ?? 0;
  const sync = () => {
    const s = sel();
    [...list.children].forEach((b, i) => {
      b.setAttribute('aria-selected', i === s);
      b.tabIndex = i === s ? 0 : -1;
    });
    for (const p of slot.children) {
      p.id = base + 'p' + p.rrIdx;
      p.setAttribute('aria-labelledby', base + 't' + p.rrIdx);
      p.hidden = p.rrIdx !== s;
    }
  };
  const pick = (i, focus) => {
    const was = sel();
    ui[path] = i;
    sync();
    if (focus) list.children[i]?.focus();
    if (cur.id && i !== was) { last = i; ctx.send({ t: 'set', id: cur.id, v: i }); }
  };
  list.onkeydown = (ev) => {
    const m = { ArrowRight: 1, ArrowLeft: -1 }[ev.key];
    if (m) { const c = list.children.length; pick((sel() + m + c) % c, true); ev.preventDefault(); }
  };
  const update = (e) => {
    cur = e;
    const ls = e.labels || [];
    if (e.id && e.index !== last) { last = e.index; ui[path] = e.index; }
    if (ui[path] >= ls.length) ui[path] = 0;
    if (!eq(ls, labels)) {
      labels = ls;
      list.replaceChildren(...ls.map((l, i) => h('button', {
        type: 'button', role: 'tab', id: base + 't' + i, 'aria-controls': base + 'p' + i, class: 'rr-tab', text: l, onclick: () => pick(i),
      })));
    }
    const fixed = typeof e.height === 'number';
    node.classList.toggle('rr-tabs-fixed', fixed || e.height === 'stretch');
    slot.style.height = fixed ? e.height + 'px' : '';
    node.dataset.widgetId = e.id || '';
    sync();
  };
  update(e);
  return { node, slot, update, added: sync };
}
