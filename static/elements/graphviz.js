// A Graphviz graph: the server's SVG as an image, or, without Graphviz on the server, its DOT source.
import { h } from '../dom.js';

export const props = ['dot', 'src', 'width', 'height', 'alt'];
export default function mount(e) {
  const node = h('figure', { class: 'rr-graphviz' });
  let shown;
  const update = (e) => {
    const key = (e.src || e.dot) + '\n' + (e.alt || '');
    if (key !== shown) {
      shown = key;
      if (e.src) node.replaceChildren(h('img', { src: e.src, alt: e.alt || 'graph', class: 'rr-graphviz-img' }));
      else {
        node.replaceChildren(
          h('figcaption', { class: 'rr-graphviz-note', text: 'Graph not drawn: the server has no Graphviz (install its "dot" program to draw it). Its DOT source:' }),
          h('pre', { class: 'rr-graphviz-dot', text: e.dot }),
        );
      }
    }
    const img = node.querySelector('img');
    if (img) {
      img.style.width = e.width === 'stretch' ? '100%' : typeof e.width === 'number' ? e.width + 'px' : '';
      img.style.height = e.height ? e.height + 'px' : '';
    }
  };
  update(e);
  return { node, update };
}
