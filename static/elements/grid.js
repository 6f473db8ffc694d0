import { h } from '../dom.js';
import { gapOf } from './container.js';

// CSS grid: `auto` fits as many columns of at least `min_width` as there is room for; a count N
// wraps to fewer when cells would be narrower than `min_width` (or, without `wrap`, keeps N and
// scrolls sideways).
export const props = ['columns', 'min_width', 'wrap', 'gap', 'valign', 'border', 'row_height', 'width', 'height', 'key', 'dense'];
export default function mount(e) {
  const node = h('div', { class: 'rr-grid' });
  const update = (e) => {
    const [rg, cg] = e.gap || ['small', 'small'];
    const min = e.min_width + 'px', col = gapOf(cg);
    let tracks;
    if (e.columns === 'auto') tracks = `repeat(auto-fill, minmax(min(${min}, 100%), 1fr))`;
    else if (e.wrap === false) tracks = `repeat(${e.columns}, minmax(${min}, 1fr))`;
    else tracks = `repeat(auto-fill, minmax(max(min(${min}, 100%), calc((100% - ${e.columns - 1} * ${col}) / ${e.columns})), 1fr))`;
    Object.assign(node.style, {
      gridTemplateColumns: tracks, rowGap: gapOf(rg), columnGap: col,
      gridAutoRows: typeof e.row_height === 'number' ? e.row_height + 'px' : '',
      gridAutoFlow: e.dense ? 'row dense' : '',
      height: typeof e.height === 'number' ? e.height + 'px' : '',
    });
    node.className = 'rr-grid' + (e.border ? ' rr-grid-border' : '') + (e.wrap === false ? ' rr-grid-keep' : '')
      + (typeof e.height === 'number' ? ' rr-scroll' : '') + (typeof e.row_height === 'number' ? ' rr-grid-fixed' : '') + (e.key ? ' rr-key-' + e.key : '');
    node.dataset.valign = e.valign || 'top';
  };
  update(e);
  return { node, slot: node, update };
}
