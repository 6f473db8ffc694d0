import { h } from '../dom.js';

export const props = ['border'];
export default function mount(e) {
  const node = h('div', { class: 'rr-slot rr-container' });
  const update = (e) => node.classList.toggle('rr-border', !!e.border);
  update(e);
  return { node, slot: node, update };
}
