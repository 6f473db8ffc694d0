import { h } from '../dom.js';

// Streamlit 1.67's sizes (layout_utils.SIZE_TO_REM_MAPPING), in rem.
const REM = { xxsmall: 0.25, xsmall: 0.5, small: 0.75, medium: 2.5, large: 4.25, xlarge: 6, xxlarge: 8 };

export const props = ['size'];
export default function mount(e) {
  const node = h('div', { class: 'rr-space', 'aria-hidden': 'true' });
  const update = (e) => {
    const s = e.size;
    node.classList.toggle('rr-space-stretch', s === 'stretch');
    node.style.setProperty('--rr-space', typeof s === 'number' ? s + 'px' : s === 'stretch' ? '0px' : (REM[s] ?? 0.75) + 'rem');
  };
  update(e);
  return { node, update };
}
