import { h, widget } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'kind', 'wide', 'icon', 'icon_position', 'width', 'shortcut', 'wrap'];

// `shortcut` ("ctrl+k", "enter"): the key (with exactly these modifiers) presses the button,
// unless the user is typing in a field and no modifier is held.
const MODS = ['ctrl', 'alt', 'shift', 'meta'];
export function matches(ev, shortcut) {
  const keys = shortcut.split('+'), key = keys.pop();
  const mods = new Set(keys.map((k) => (k === 'cmd' || k === 'command' ? 'meta' : k === 'control' ? 'ctrl' : k === 'option' ? 'alt' : k)));
  if (MODS.some((m) => ev[m + 'Key'] !== mods.has(m))) return false;
  if (!mods.size && ev.target?.closest?.('input, textarea, select, [contenteditable]')) return false;
  return ev.key.toLowerCase() === key || ev.code.toLowerCase() === 'key' + key;
}

// Shared with submit.js and menu_button.js: a button that calls `press(st)` when clicked.
export const button = (press) => (e, id, st, ctx) => {
  const b = h('button', { type: 'button', onclick: () => press(st, ctx) });
  const onkey = (ev) => {
    const sc = st.e.shortcut;
    if (!sc || b.disabled || !b.isConnected || !matches(ev, sc)) return;
    ev.preventDefault();
    b.click();
  };
  document.addEventListener('keydown', onkey);
  return {
    node: h('div', {}, b),
    paint(e) {
      b.className = 'rr-btn rr-' + (e.kind || 'secondary') + (e.wide ? ' rr-wide' : '');
      const kids = [h('span', { class: 'rr-btn-label', text: e.label })];
      if (e.icon) kids[e.icon_position === 'right' ? 'push' : 'unshift'](icon(e.icon, 'rr-btn-icon'));
      if (e.shortcut) kids.push(h('kbd', { class: 'rr-kbd', 'aria-hidden': 'true', text: e.shortcut.split('+').map((k) => k[0].toUpperCase() + k.slice(1)).join('+') }));
      b.replaceChildren(...kids);
      if (e.shortcut) b.setAttribute('aria-keyshortcuts', e.shortcut.split('+').map((k) => (k === 'ctrl' ? 'Control' : k[0].toUpperCase() + k.slice(1))).join('+'));
      else b.removeAttribute('aria-keyshortcuts');
      b.title = e.help || '';
      b.disabled = e.disabled;
    },
    gone: () => document.removeEventListener('keydown', onkey),
    btn: true,
  };
};

const build = button((st, ctx) => ctx.send({ t: 'click', id: st.e.id }));
export default (e, ctx) => widget(e, ctx, build);
