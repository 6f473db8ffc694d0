// A pydeck chart's stand-in: deck.gl is not shipped (docs/charts.md), so the page shows a box of
// the chart's size naming the deck's layers and its initial view.
import { h } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'selection', 'layers', 'view', 'width', 'height', 'alt'];
const num = new Intl.NumberFormat();

export default function mount(e) {
  const node = h('figure', { class: 'rr-pydeck', role: 'img' });
  const update = (e) => {
    node.style.height = e.height + 'px';
    node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
    node.setAttribute('aria-label', e.alt || 'map (not drawn)');
    const v = e.view, where = v && typeof v.latitude === 'number' && typeof v.longitude === 'number'
      ? `centred on ${v.latitude.toFixed(3)}, ${v.longitude.toFixed(3)}${typeof v.zoom === 'number' ? ', zoom ' + v.zoom : ''}` : '';
    node.replaceChildren(
      h('figcaption', { class: 'rr-pydeck-note', text: 'pydeck map not drawn: deck.gl is not shipped with this app.' }),
      h('ul', { class: 'rr-pydeck-layers' }, ...(e.layers || []).map((l) => h('li', { text: `${l.type}${l.id ? ' “' + l.id + '”' : ''}${l.rows != null ? ': ' + num.format(l.rows) + ' rows' : ''}` }))),
      where ? h('div', { class: 'rr-pydeck-view', text: where }) : '',
    );
    node.dataset.widgetId = e.id || '';
  };
  update(e);
  return { node, update, w: !!e.id, id: e.id, get: () => ({ indices: {}, objects: {} }), set: () => {} };
}
