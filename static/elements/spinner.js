import { h } from '../dom.js';

export const props = ['text', 'show_time', 'width'];
export default function mount(e) {
  const text = document.createTextNode('');
  const time = h('span', { class: 'rr-spinner-time' });
  const node = h('div', { class: 'rr-spinner', role: 'status' }, h('span', { class: 'rr-spin', 'aria-hidden': 'true' }), text, time);
  const started = performance.now();
  let timer = null;
  let shown = false;
  const tick = () => {
    if (node.isConnected) shown = true;
    else if (shown) { clearInterval(timer); timer = null; return; }
    time.textContent = ` (${((performance.now() - started) / 1000).toFixed(1)} seconds)`;
  };
  const update = (e) => {
    text.data = e.text ?? '';
    if (e.show_time && timer === null) { tick(); timer = setInterval(tick, 100); }
    if (!e.show_time && timer !== null) { clearInterval(timer); timer = null; time.textContent = ''; }
  };
  update(e);
  return { node, update };
}
