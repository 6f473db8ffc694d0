import { h } from '../dom.js';

// Layout is CSS (style.css, "layout parameters"): classes and custom properties set here.
export const GAPS = { xxsmall: '.25rem', xsmall: '.5rem', small: '1rem', medium: '2rem', large: '4rem', xlarge: '6rem', xxlarge: '8rem' };
export const gapOf = (g) => (g == null ? '0' : typeof g === 'number' ? g + 'px' : GAPS[g] || '1rem');

export const props = ['border', 'key', 'width', 'height', 'horizontal', 'wrap', 'halign', 'valign', 'gap', 'autoscroll'];
export default function mount(e) {
  const node = h('div', { class: 'rr-slot rr-container' });
  let cur = e;
  const update = (e) => {
    cur = e;
    node.className = 'rr-slot rr-container' + (e.border ? ' rr-border' : '') + (e.horizontal ? ' rr-hbox' : '')
      + (e.key ? ' rr-key-' + e.key : '') + (typeof e.height === 'number' ? ' rr-scroll' : '') + (e.height === 'stretch' ? ' rr-hstretch' : '');
    node.dataset.halign = e.halign || 'left';
    node.dataset.valign = e.valign || 'top';
    node.style.setProperty('--rr-gap', gapOf(e.gap === undefined ? 'small' : e.gap));
    node.style.height = typeof e.height === 'number' ? e.height + 'px' : '';
    if (typeof e.height === 'number') node.tabIndex = 0; else node.removeAttribute('tabindex'); // a scrolling box is reachable by keyboard
  };
  update(e);
  // autoscroll: a new child of a fixed-height container scrolls it to the end
  const added = () => { if (cur.autoscroll) node.scrollTop = node.scrollHeight; };
  return { node, slot: node, update, added };
}
