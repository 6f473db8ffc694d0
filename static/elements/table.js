// rr.table: a small static table, every row in the element.
import { h } from '../dom.js';
import { paint } from './dataframe.js';

export const props = ['cols', 'rows', 'border', 'width', 'height', 'header', 'alt'];

export default function mount(e) {
  const node = h('div', { class: 'rr-table' });
  const update = (e) => {
    const head = h('tr', {}, ...e.cols.map((col) => h('th', { scope: 'col', class: col.index ? 'rr-df-ix' : null, text: col.label ?? '' })));
    const rows = e.rows.map((r) => h('tr', {}, ...e.cols.map((col, j) => {
      const c = h(col.index ? 'th' : 'td', col.index ? { scope: 'row', class: 'rr-df-ix' } : {});
      paint(c, col, r[j + 1]);
      return c;
    })));
    node.className = 'rr-table' + (e.border === false ? ' rr-noborder' : e.border === 'horizontal' ? ' rr-hborder' : '')
      + (e.height ? ' rr-table-fixed' : '');
    node.style.maxHeight = e.height ? e.height + 'px' : '';
    node.replaceChildren(h('table', { 'aria-label': e.alt || null },
      e.header === false ? null : h('thead', {}, head), h('tbody', {}, ...rows)));
  };
  update(e);
  return { node, update };
}
