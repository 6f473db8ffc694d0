import { h } from '../dom.js';

export const props = ['gap'];
export default function mount(e) {
  const node = h('div', { class: 'rr-cols' });
  const update = (e) => { node.dataset.gap = e.gap || 'small'; };
  update(e);
  return { node, slot: node, update };
}
