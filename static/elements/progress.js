import { h } from '../dom.js';

export const props = ['value', 'text'];
export default function mount(e) {
  const text = h('div', { class: 'rr-progress-text' });
  const fill = h('div', { class: 'rr-progress-fill' });
  const bar = h('div', { class: 'rr-progress-bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 }, fill);
  const node = h('div', { class: 'rr-progress' }, text, bar);
  const update = (e) => {
    text.textContent = e.text ?? '';
    text.hidden = !e.text;
    fill.style.width = e.value + '%';
    bar.setAttribute('aria-valuenow', e.value);
    if (e.text) bar.setAttribute('aria-label', e.text); else bar.removeAttribute('aria-label');
  };
  update(e);
  return { node, update };
}
