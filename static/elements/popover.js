import { h, ui } from '../dom.js';
import { icon } from '../icons.js';

// The open state is the user's, kept by path; Escape or a click outside closes it.
export const props = ['label', 'help', 'kind', 'disabled', 'wide', 'icon'];
export default function mount(e, ctx) {
  const path = ctx.path;
  const btn = h('button', { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' });
  const caret = h('span', { class: 'rr-pop-caret', 'aria-hidden': 'true' });
  const text = h('span');
  let mark = null, shownIcon;
  btn.append(text, caret);
  const slot = h('div', { class: 'rr-slot rr-pop-body', role: 'dialog' });
  const node = h('div', { class: 'rr-pop' }, btn, slot);
  const outside = (ev) => { if (!node.contains(ev.target)) show(false); };
  const esc = (ev) => { if (ev.key === 'Escape') { show(false); btn.focus(); } };
  function show(open) {
    ui[path] = open;
    slot.hidden = !open;
    btn.setAttribute('aria-expanded', String(open));
    node.classList.toggle('rr-open', open);
    if (open) { document.addEventListener('pointerdown', outside, true); document.addEventListener('keydown', esc); }
    else { document.removeEventListener('pointerdown', outside, true); document.removeEventListener('keydown', esc); }
  }
  btn.onclick = () => show(slot.hidden);
  const update = (e) => {
    text.textContent = e.label;
    if (e.icon !== shownIcon) { shownIcon = e.icon; mark?.remove(); mark = icon(e.icon, 'rr-btn-icon'); if (mark) btn.prepend(mark); }
    btn.className = 'rr-btn rr-' + (e.kind || 'secondary') + (e.wide ? ' rr-wide' : '');
    btn.title = e.help || '';
    btn.disabled = !!e.disabled;
    node.classList.toggle('rr-wide', !!e.wide);
    if (e.disabled) show(false);
  };
  update(e);
  show(!!ui[path] && !e.disabled);
  return { node, slot, update };
}
