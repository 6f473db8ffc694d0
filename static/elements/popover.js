import { h, ui } from '../dom.js';
import { icon } from '../icons.js';

// Untracked (`id` null): the open state is the user's, kept by path. Tracked: each open and close
// is sent as the widget's value, and the server's `open` is shown. Escape or a click outside
// closes it.
export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'kind', 'wide', 'icon', 'open', 'wrap', 'width'];
export default function mount(e, ctx) {
  const path = ctx.path;
  const btn = h('button', { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' });
  const caret = h('span', { class: 'rr-pop-caret', 'aria-hidden': 'true' });
  const text = h('span', { class: 'rr-btn-label' });
  let mark = null, shownIcon;
  btn.append(text, caret);
  const slot = h('div', { class: 'rr-slot rr-pop-body', role: 'dialog' });
  const node = h('div', { class: 'rr-pop' }, btn, slot);
  let cur = e, last = e.open;
  const outside = (ev) => { if (!node.contains(ev.target)) show(false); };
  const esc = (ev) => { if (ev.key === 'Escape') { show(false); btn.focus(); } };
  function show(open, quiet) {
    const was = !slot.hidden;
    ui[path] = open;
    slot.hidden = !open;
    btn.setAttribute('aria-expanded', String(open));
    node.classList.toggle('rr-open', open);
    if (open) { document.addEventListener('pointerdown', outside, true); document.addEventListener('keydown', esc); }
    else { document.removeEventListener('pointerdown', outside, true); document.removeEventListener('keydown', esc); }
    if (!quiet && cur.id && open !== was && open !== last) { last = open; ctx.send({ t: 'set', id: cur.id, v: open }); }
  }
  btn.onclick = () => show(slot.hidden);
  const update = (e) => {
    cur = e;
    text.textContent = e.label;
    if (e.icon !== shownIcon) { shownIcon = e.icon; mark?.remove(); mark = icon(e.icon, 'rr-btn-icon'); if (mark) btn.prepend(mark); }
    btn.className = 'rr-btn rr-' + (e.kind || 'secondary') + (e.wide ? ' rr-wide' : '');
    btn.title = e.help || '';
    btn.disabled = !!e.disabled;
    node.classList.toggle('rr-wide', !!e.wide);
    node.dataset.widgetId = e.id || '';
    if (e.disabled) show(false, true);
    else if (e.id && e.open !== last) { last = e.open; show(!!e.open, true); }
  };
  slot.hidden = true;
  update(e);
  show(e.id ? !!e.open && !e.disabled : !!ui[path] && !e.disabled, true);
  return { node, slot, update, gone: () => show(false, true) };
}
