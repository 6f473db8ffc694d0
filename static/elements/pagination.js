import { h, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'pages', 'visible', 'width'];

// The page numbers shown: all of them when they fit, else the first, the last and a window
// around the current one, with gaps ("…") between.
export function shown(cur, pages, visible) {
  if (!visible || pages <= visible) return Array.from({ length: pages }, (_, i) => i + 1);
  const inner = Math.max(1, visible - 2);
  let lo = Math.max(2, cur - Math.floor((inner - 1) / 2));
  const hi = Math.min(pages - 1, lo + inner - 1);
  lo = Math.max(2, hi - inner + 1);
  const out = [1];
  if (lo > 2) out.push(null);
  for (let i = lo; i <= hi; i++) out.push(i);
  if (hi < pages - 1) out.push(null);
  out.push(pages);
  return out;
}

function build(e, id, st) {
  let cur = e.value;
  const list = h('ul', { class: 'rr-pages' });
  const nav = h('nav', { id, 'aria-label': 'Pagination' }, list);
  const go = (p) => { if (p < 1 || p > st.e.pages || p === cur) return; cur = p; draw(); st.setV(p); list.querySelector('[aria-current]')?.focus(); };
  const btn = (text, label, p, extra) => h('li', {}, h('button', {
    type: 'button', class: 'rr-page' + (extra || ''), 'aria-label': label, text, onclick: () => go(p),
  }));
  const draw = () => {
    const e = st.e;
    const items = [btn('‹', 'Previous page', cur - 1, ' rr-page-step')];
    for (const p of shown(cur, e.pages, e.visible)) {
      if (p === null) { items.push(h('li', { class: 'rr-page-gap', 'aria-hidden': 'true', text: '…' })); continue; }
      const li = btn(String(p), 'Page ' + p, p);
      if (p === cur) li.firstChild.setAttribute('aria-current', 'page');
      items.push(li);
    }
    items.push(btn('›', 'Next page', cur + 1, ' rr-page-step'));
    list.replaceChildren(...items);
    list.querySelectorAll('button').forEach((b) => {
      const l = b.getAttribute('aria-label');
      b.disabled = e.disabled || (l === 'Previous page' && cur <= 1) || (l === 'Next page' && cur >= e.pages);
    });
  };
  return {
    node: h('div', {}, nav),
    paint: draw,
    get: () => cur,
    set: (v) => { cur = v; draw(); },
  };
}

export default (e, ctx) => widget(e, ctx, build);
