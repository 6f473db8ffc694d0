import { h } from '../dom.js';

// Widgets inside carry `form`; the submit button sends every value of the form at once (client.js).
export const props = ['id', 'border', 'enter', 'width', 'height'];
export default function mount(e) {
  const node = h('form', { class: 'rr-slot rr-form', novalidate: true, onsubmit: (ev) => ev.preventDefault() });
  const update = (e) => {
    node.classList.toggle('rr-border', e.border !== false);
    node.dataset.formId = e.id;
    node.dataset.enter = e.enter === false ? '0' : '1'; // enter_to_submit
    node.classList.toggle('rr-scroll', typeof e.height === 'number');
    node.style.height = typeof e.height === 'number' ? e.height + 'px' : '';
  };
  update(e);
  return { node, slot: node, update };
}
