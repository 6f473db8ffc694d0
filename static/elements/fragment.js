import { h } from '../dom.js';

export const props = ['id'];
export default function mount(e) {
  const node = h('div', { class: 'rr-slot rr-fragment' });
  const update = (e) => { node.dataset.fragmentId = e.id; };
  update(e);
  return { node, slot: node, update };
}
