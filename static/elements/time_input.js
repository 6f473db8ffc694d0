import { h, field, setLabel, widget } from '../dom.js';
import { formatDate } from './date_input.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'step', 'required', 'width', 'format'];

// time_input's `format` ("12h"/"24h"): the native field's text follows the browser's locale, so
// the chosen time is also shown in the asked format at the right of the label row.
// datetime_input's date `format` ("DD.MM.YYYY") likewise shows the chosen date and time there.
export function clock(f, inp, e) {
  let out = f.row.querySelector('output');
  if (!e.format) { out?.remove(); return; }
  if (!out) f.row.append(out = h('output', { class: 'rr-sv rr-muted', 'aria-hidden': 'true' }));
  if (!inp.value) { out.textContent = ''; return; }
  const dated = inp.value.includes('T');
  const [day, time] = dated ? inp.value.split('T') : [null, inp.value];
  const [hh, mm] = time.split(':').map(Number);
  const pad = (n) => String(n).padStart(2, '0');
  const t = e.format === '12h' ? ((hh % 12) || 12) + ':' + pad(mm) + (hh < 12 ? ' AM' : ' PM') : pad(hh) + ':' + pad(mm);
  out.textContent = dated ? formatDate(day, e.format) + ' ' + t : t;
}

// A time field that sends only what it can: a complete time on the widget's step.
export function temporal(type) {
  return (e, id, st) => {
    const f = field(id);
    const inp = h('input', { type, id, class: 'rr-input' });
    const ok = () => inp.validity.valid && (inp.value !== '' || ((st.e.value === null || st.cur === null) && !st.e.required));
    const check = () => { const good = ok(); inp.setAttribute('aria-invalid', !good); clock(f, inp, st.e); return good; };
    inp.oninput = check;
    inp.onchange = () => { if (check()) st.setV(inp.value || null); };
    return {
      node: h('div', {}, f.row, inp),
      paint(e) {
        setLabel(f.lt, e);
        Object.assign(inp, { step: e.step, min: e.min ?? '', max: e.max ?? '', disabled: e.disabled, required: !!e.required });
        clock(f, inp, e);
      },
      get: () => inp.value || null,
      set: (v) => { inp.value = v ?? ''; check(); },
    };
  };
}

export default (e, ctx) => widget(e, ctx, temporal('time'));
