import { h, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'kind', 'wide'];

// Shared with submit.js: a button that calls `press(st)` when clicked.
export const button = (press) => (e, id, st, ctx) => {
  const b = h('button', { type: 'button', onclick: () => press(st, ctx) });
  return {
    node: h('div', {}, b),
    paint(e) {
      b.className = 'rr-btn rr-' + (e.kind || 'secondary') + (e.wide ? ' rr-wide' : '');
      b.textContent = e.label;
      b.title = e.help || '';
      b.disabled = e.disabled;
    },
    btn: true,
  };
};

const build = button((st, ctx) => ctx.send({ t: 'click', id: st.e.id }));
export default (e, ctx) => widget(e, ctx, build);
