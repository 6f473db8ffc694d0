// A link styled as a button (opens in a new tab). The click reaches the server only when
// `rerun` says so (on_click="rerun" or a callable); `shortcut` clicks it from the keyboard.
import { h, widget } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'kind', 'url', 'icon', 'icon_position', 'width', 'rerun', 'shortcut', 'wrap'];

const SAFE = /^(https?:|mailto:|tel:|[/.#?])|^[^:]*($|\/)/i;

// "ctrl+k", "cmd+shift+l" -> a test of a keydown event
function keys(spec) {
  if (!spec) return null;
  const parts = String(spec).toLowerCase().split('+').map((s) => s.trim());
  const key = parts.pop();
  const has = (m) => parts.includes(m);
  const mod = has('mod') || has('cmd') || has('meta') || has('ctrl');
  return (ev) => ev.key.toLowerCase() === key && ev.altKey === (has('alt') || has('option'))
    && ev.shiftKey === has('shift') && (mod ? (ev.ctrlKey || ev.metaKey) : !(ev.ctrlKey || ev.metaKey));
}

// Click `a` when its keyboard shortcut is pressed; returns a function that sets the shortcut.
export function shortcut(a) {
  let onKey = null;
  return (spec) => {
    if (onKey) removeEventListener('keydown', onKey);
    const test = keys(spec);
    onKey = test && ((ev) => { if (a.isConnected && a.getAttribute('aria-disabled') !== 'true' && test(ev)) { ev.preventDefault(); a.click(); } });
    if (onKey) addEventListener('keydown', onKey);
    if (spec) a.setAttribute('aria-keyshortcuts', spec); else a.removeAttribute('aria-keyshortcuts');
  };
}

const build = (e, id, st, ctx) => {
  const a = h('a', { role: 'button', target: '_blank', rel: 'noopener noreferrer' });
  a.addEventListener('click', (ev) => {
    if (st.e.disabled) { ev.preventDefault(); return; }
    if (st.e.rerun) ctx.send({ t: 'click', id: st.e.id });
  });
  const setKeys = shortcut(a);
  return {
    node: h('div', {}, a),
    paint(e) {
      a.className = 'rr-btn rr-link-button rr-' + (e.kind || 'secondary') + (e.width === 'stretch' ? ' rr-wide' : '') + (e.wrap === false ? ' rr-nowrap' : '');
      a.style.width = typeof e.width === 'number' ? e.width + 'px' : '';
      const ic = icon(e.icon, 'rr-btn-icon'), text = h('span', { text: e.label });
      a.replaceChildren(...(e.icon_position === 'right' ? [text, ic] : [ic, text]).filter(Boolean));
      a.title = e.help || '';
      if (SAFE.test(e.url)) a.href = e.url; else a.removeAttribute('href');
      a.setAttribute('aria-disabled', e.disabled ? 'true' : 'false');
      a.tabIndex = e.disabled ? -1 : 0;
      setKeys(e.shortcut);
    },
    btn: true,
  };
};
export default (e, ctx) => widget(e, ctx, build);
