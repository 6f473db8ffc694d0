import { h } from '../dom.js';
import { gapOf } from './container.js';

export const props = ['gap', 'valign', 'border', 'width', 'wrap'];
export default function mount(e) {
  const node = h('div', { class: 'rr-cols' });
  const update = (e) => {
    node.dataset.gap = e.gap ?? 'none';
    node.style.setProperty('--rr-gap', gapOf(e.gap === undefined ? 'small' : e.gap));
    node.dataset.valign = e.valign || 'top';
    node.classList.toggle('rr-cols-border', !!e.border);
    node.classList.toggle('rr-cols-keep', e.wrap === false);
  };
  update(e);
  return { node, slot: node, update };
}
