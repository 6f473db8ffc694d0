// A link to a page of this app (sent as `nav`: no reload) or to another site.
import { h } from '../dom.js';
import { icon as iconOf } from '../icons.js';

export const props = ['path', 'url', 'label', 'icon', 'disabled', 'help', 'current'];

export default function mount(e, ctx) {
  const a = h('a', { class: 'rr-page-link' });
  const icon = h('span', { class: 'rr-nav-icon', 'aria-hidden': 'true' });
  const label = h('span');
  a.append(icon, label);
  a.onclick = (ev) => {
    const E = a.rrE;
    if (E.disabled) return ev.preventDefault();
    if (E.path == null || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return;
    ev.preventDefault();
    ctx.send({ t: 'nav', page: E.path });
  };
  const update = (e) => {
    a.rrE = e;
    a.href = e.url != null ? e.url : (e.path || './');
    if (e.url != null) { a.target = '_blank'; a.rel = 'noopener noreferrer'; } else { a.removeAttribute('target'); a.removeAttribute('rel'); }
    icon.replaceChildren(...(e.icon ? [iconOf(e.icon)] : []));
    icon.hidden = !e.icon;
    label.textContent = e.label;
    a.title = e.help || '';
    a.setAttribute('aria-disabled', e.disabled ? 'true' : 'false');
    if (e.current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  };
  update(e);
  return { node: h('div', {}, a), update };
}
