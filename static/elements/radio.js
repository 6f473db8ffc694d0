import { h, eq, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'index', 'options', 'horizontal', 'captions', 'width'];

function build(e, id, st) {
  const lg = h('legend', { class: 'rr-label' });
  const opts = h('div', { class: 'rr-opts' });
  const get = () => { const i = [...opts.querySelectorAll('input')].findIndex((r) => r.checked); return i < 0 ? null : i; };
  return {
    node: h('fieldset', { class: 'rr-radio' }, lg, opts),
    paint(e) {
      setLabel(lg, e);
      opts.classList.toggle('rr-h', !!e.horizontal);
      if (!eq([e.options, e.captions], opts.rrOpts)) {
        const cur = get();
        opts.rrOpts = [e.options, e.captions];
        opts.replaceChildren(...e.options.map((o, i) => {
          const cap = e.captions?.[i] ? h('span', { class: 'rr-opt-cap', id: id + 'c' + i, text: e.captions[i] }) : null;
          return h('label', { class: 'rr-check' },
            h('input', { type: 'radio', name: id, checked: i === cur, 'aria-describedby': cap ? id + 'c' + i : null, onchange: () => st.setV(i) }),
            h('span', { class: 'rr-opt-text' }, h('span', { text: o }), cap));
        }));
      }
      for (const r of opts.querySelectorAll('input')) r.disabled = e.disabled;
    },
    get,
    set: (v) => opts.querySelectorAll('input').forEach((r, i) => (r.checked = i === v)),
  };
}

export default (e, ctx) => widget(e, ctx, build);
