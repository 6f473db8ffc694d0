import { h } from '../dom.js';

export const props = ['type', 'message', 'trace', 'width'];
export default function mount(e) {
  const type = h('strong'), msg = document.createTextNode(''), pre = h('pre');
  const trace = h('details', {}, h('summary', { text: 'Traceback' }), pre);
  const node = h('div', { class: 'rr-exc', role: 'alert' }, h('div', { class: 'rr-exc-h' }, type, msg));
  const update = (e) => {
    type.textContent = e.type;
    msg.data = e.message ? ': ' + e.message : '';
    pre.textContent = e.trace ?? '';
    if (e.trace) node.append(trace); else trace.remove(); // kept open across updates
  };
  update(e);
  return { node, update };
}
