import { h, eq, ui, uid } from '../dom.js';

// Children are `tab` panels; the selected index is kept by path in `ui` (survives a rebuild).
export const props = ['labels'];
export default function mount(e, ctx) {
  const path = ctx.path, base = uid();
  const list = h('div', { role: 'tablist', class: 'rr-tablist' });
  const slot = h('div', { class: 'rr-panels' });
  const node = h('div', { class: 'rr-tabs' }, list, slot);
  let labels;
  const sync = () => {
    const sel = ui[path] || 0;
    [...list.children].forEach((b, i) => {
      b.setAttribute('aria-selected', i === sel);
      b.tabIndex = i === sel ? 0 : -1;
    });
    for (const p of slot.children) {
      p.id = base + 'p' + p.rrIdx;
      p.setAttribute('aria-labelledby', base + 't' + p.rrIdx);
      p.hidden = p.rrIdx !== sel;
    }
  };
  const pick = (i, focus) => { ui[path] = i; sync(); if (focus) list.children[i]?.focus(); };
  list.onkeydown = (ev) => {
    const m = { ArrowRight: 1, ArrowLeft: -1 }[ev.key];
    if (m) { const c = list.children.length; pick(((ui[path] || 0) + m + c) % c, true); ev.preventDefault(); }
  };
  const update = (e) => {
    const ls = e.labels || [];
    if (ui[path] >= ls.length) ui[path] = 0;
    if (!eq(ls, labels)) {
      labels = ls;
      list.replaceChildren(...ls.map((l, i) => h('button', {
        type: 'button', role: 'tab', id: base + 't' + i, 'aria-controls': base + 'p' + i, class: 'rr-tab', text: l, onclick: () => pick(i),
      })));
    }
    sync();
  };
  update(e);
  return { node, slot, update, added: sync };
}
