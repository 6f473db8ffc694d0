// A download: an <a download> styled as a button, served by the media route. The download never
// reruns the script; the click is sent as a widget event only when `rerun` says so.
import { h, widget } from '../dom.js';
import { icon } from '../icons.js';
import { shortcut } from './link_button.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'kind', 'wide', 'icon', 'url', 'file_name', 'rerun', 'icon_position', 'width', 'shortcut', 'wrap'];

const build = (e, id, st, ctx) => {
  const a = h('a', { role: 'button' });
  a.addEventListener('click', (ev) => {
    if (st.e.disabled) { ev.preventDefault(); return; }
    if (st.e.rerun) ctx.send({ t: 'click', id: st.e.id });
  });
  const keys = shortcut(a);
  return {
    node: h('div', {}, a),
    paint(e) {
      a.className = 'rr-btn rr-download rr-' + (e.kind || 'secondary') + (e.wide ? ' rr-wide' : '') + (e.wrap === false ? ' rr-nowrap' : '');
      a.style.width = typeof e.width === 'number' ? e.width + 'px' : '';
      const ic = icon(e.icon, 'rr-btn-icon'), text = h('span', { text: e.label });
      a.replaceChildren(...(e.icon_position === 'right' ? [text, ic] : [ic, text]).filter(Boolean));
      keys(e.shortcut);
      a.title = e.help || '';
      a.href = e.url;
      a.setAttribute('download', e.file_name || '');
      a.setAttribute('aria-disabled', e.disabled ? 'true' : 'false');
      a.tabIndex = e.disabled ? -1 : 0;
    },
    btn: true,
  };
};
export default (e, ctx) => widget(e, ctx, build);
