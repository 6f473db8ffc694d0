import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'min', 'max', 'format', 'range', 'required', 'width'];

// The browser's own date field (keyboard: type the digits, arrows step them); its text follows the
// user's locale, so `format` shows the chosen date(s) in the label row as the script asked.
export function formatDate(iso, format) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return format.replace('YYYY', y).replace('MM', m).replace('DD', d);
}

function build(e, id, st) {
  const f = field(id);
  const out = h('output', { class: 'rr-sv rr-muted', for: id, 'aria-hidden': 'true' });
  f.row.append(out);
  const range = !!e.range;
  const ins = (range ? [0, 1] : [0]).map((i) => h('input', {
    type: 'date', class: 'rr-input', id: i ? id + 'b' : id, 'aria-label': range ? (i ? 'End date' : 'Start date') : null,
  }));
  const get = () => {
    if (!range) return ins[0].value || null;
    const v = ins.map((i) => i.value);
    return v[0] ? (v[1] ? v : [v[0]]) : [];
  };
  const valid = () => ins.every((i) => i.validity.valid) && !(range && ins[0].value && ins[1].value && ins[0].value > ins[1].value)
    && (range || ins[0].value || ((st.e.value === null || st.cur === null) && !st.e.required))
    && !(range && st.e.required && !ins[0].value);
  const show = () => {
    const v = get(), fmt = st.e.format || 'YYYY/MM/DD';
    out.textContent = range ? v.map((x) => formatDate(x, fmt)).join(' – ') : formatDate(v, fmt);
    const ok = valid();
    for (const i of ins) i.setAttribute('aria-invalid', !ok);
    return ok;
  };
  for (const i of ins) {
    i.oninput = show;
    i.onchange = () => { if (show()) st.setV(get()); };
  }
  return {
    node: h('div', {}, f.row, range ? h('div', { class: 'rr-pair', role: 'group', 'aria-labelledby': id + 'g' }, ...ins) : ins[0]),
    paint(e) {
      setLabel(f.lt, e);
      f.lt.id = id + 'g';
      for (const i of ins) Object.assign(i, { min: e.min ?? '', max: e.max ?? '', disabled: e.disabled, required: !!e.required });
      show();
    },
    get,
    set: (v) => { (range ? [0, 1] : [0]).forEach((i) => (ins[i].value = (range ? (v || [])[i] : v) ?? '')); show(); },
  };
}

export default (e, ctx) => widget(e, ctx, build);
