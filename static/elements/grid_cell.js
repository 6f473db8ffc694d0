import { h } from '../dom.js';

export const props = ['column_span', 'row_span'];
export default function mount(e) {
  const node = h('div', { class: 'rr-slot rr-grid-cell' });
  const update = (e) => {
    node.style.gridColumn = e.column_span === 'all' ? '1 / -1' : `span ${e.column_span || 1}`;
    node.style.gridRow = `span ${e.row_span || 1}`;
  };
  update(e);
  return { node, slot: node, update };
}
