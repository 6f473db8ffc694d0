import { h, eq, groupField, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'options', 'multi', 'required', 'width', 'wrap'];

// Options as toggle buttons (aria-pressed) in a labelled group: Tab moves between them, Enter or
// Space picks one. Single mode: picking the chosen one again clears it (unless `required`).
// Shared with segmented_control.js, which only looks different.
export const buttons = (cls) => (e, id, st) => {
  const f = groupField(id);
  const box = h('div', { class: cls, role: 'group', id, 'aria-labelledby': id + 'l' });
  let val = null;
  const render = () => {
    const E = st.e, on = (i) => (E.multi ? (val || []).includes(i) : val === i);
    box.querySelectorAll('button').forEach((b, i) => { b.setAttribute('aria-pressed', on(i)); b.disabled = E.disabled; });
  };
  const pick = (i) => {
    const E = st.e;
    if (E.multi) {
      const cur = val || [];
      const next = cur.includes(i) ? cur.filter((j) => j !== i) : [...cur, i];
      if (E.required && !next.length) return;
      val = next;
    } else if (val === i) {
      if (E.required) return;
      val = null;
    } else val = i;
    render();
    st.setV(E.multi ? val.slice() : val);
  };
  return {
    node: h('div', {}, f.row, box),
    paint(e) {
      setLabel(f.lt, e);
      if (!eq(e.options, box.rrOpts)) {
        box.rrOpts = e.options;
        box.replaceChildren(...e.options.map((o, i) => h('button', { type: 'button', text: o, onclick: () => pick(i) })));
      }
      render();
    },
    get: () => (Array.isArray(val) ? val.slice() : val),
    set: (v) => { val = Array.isArray(v) ? v.slice() : v; render(); },
  };
};

export default (e, ctx) => widget(e, ctx, buttons('rr-pillset'));
