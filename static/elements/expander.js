import { h, ui } from '../dom.js';
import { icon as iconOf } from '../icons.js';

// Untracked (`id` null): `expanded` is the initial state only; the open state is then kept by
// path in `ui`. Tracked: each toggle is sent as the widget's value, and a value the server
// changes (session_state) opens or closes it.
export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'expanded', 'icon', 'variant', 'width'];
export default function mount(e, ctx) {
  const path = ctx.path;
  const icon = h('span', { class: 'rr-exp-icon', 'aria-hidden': 'true' });
  const text = h('span');
  const sum = h('summary', {}, icon, text);
  const slot = h('div', { class: 'rr-slot rr-exp-body' });
  const node = h('details', { class: 'rr-exp', open: e.id ? !!e.expanded : ui[path] ?? !!e.expanded }, sum, slot);
  let cur = e, last = e.expanded;
  node.ontoggle = () => {
    ui[path] = node.open;
    if (cur.id && node.open !== last) { last = node.open; ctx.send({ t: 'set', id: cur.id, v: node.open }); }
  };
  const update = (e) => {
    cur = e;
    text.textContent = e.label;
    icon.replaceChildren(...(e.icon ? [iconOf(e.icon)] : []));
    icon.hidden = !e.icon;
    node.className = 'rr-exp rr-exp-' + (e.variant || 'default');
    node.dataset.widgetId = e.id || '';
    if (e.id && e.expanded !== last) { last = e.expanded; node.open = !!e.expanded; }
  };
  update(e);
  return { node, slot, update };
}
