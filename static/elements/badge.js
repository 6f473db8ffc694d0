// A small coloured label with an optional icon (emoji or :material/name:).
import { h } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['label', 'icon', 'color', 'width', 'help'];

export default function mount(e) {
  const node = h('div', { class: 'rr-badge-row' });
  const update = (e) => {
    const b = h('span', { class: 'rr-badge rr-badge-' + e.color, title: e.help || null }, icon(e.icon, 'rr-badge-icon'), h('span', { text: e.label }));
    if (e.width === 'stretch') b.style.display = 'flex';
    else if (typeof e.width === 'number') b.style.width = e.width + 'px';
    node.replaceChildren(b);
  };
  update(e);
  return { node, update };
}
