import { h } from '../dom.js';
import { icon } from '../icons.js';

// A modal <dialog>. It opens when drawn, and again when a run opens it anew (`opened` changes);
// removing it (a run that does not call the dialog) closes it. Dismissing it (close button,
// Escape, a click on the backdrop) closes it here and, when the script asked, clicks `id`.
export const props = ['title', 'width', 'dismissible', 'id', 'opened', 'position', 'icon'];
const WIDTHS = { small: '500px', medium: '750px', large: '1280px' };
export default function mount(e, ctx) {
  const title = h('h2');
  const x = h('button', { type: 'button', class: 'rr-x', 'aria-label': 'Close', text: '×' });
  const slot = h('div', { class: 'rr-slot rr-dialog-body' });
  const node = h('dialog', { class: 'rr-dialog' }, h('div', { class: 'rr-dialog-head' }, title, x), slot);
  let cur = e;
  const dismiss = () => {
    if (!cur.dismissible || !node.open) return;
    node.close();
    if (cur.id) ctx.send({ t: 'click', id: cur.id });
  };
  x.onclick = dismiss;
  node.addEventListener('cancel', (ev) => { ev.preventDefault(); dismiss(); });
  node.addEventListener('click', (ev) => { if (ev.target === node) dismiss(); }); // the backdrop
  const open = () => queueMicrotask(() => { if (node.isConnected && !node.open) node.showModal(); });
  const update = (e) => {
    if (e.opened !== cur.opened) open();
    cur = e;
    title.replaceChildren(...(e.icon ? [icon(e.icon, 'rr-hicon'), ' '] : []), e.title);
    node.dataset.position = e.position || 'center';
    node.setAttribute('aria-label', e.title);
    node.style.setProperty('--w', WIDTHS[e.width] || WIDTHS.small);
    x.hidden = !e.dismissible;
  };
  update(e);
  open();
  return { node, slot, update };
}
