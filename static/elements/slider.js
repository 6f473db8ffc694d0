import { h, dec, field, setLabel, widget } from '../dom.js';
import { fmtNumber } from '../numfmt.js';
import { track, trackLabel } from '../track.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'min', 'max', 'step', 'int', 'format', 'width'];

// A number, or a [low, high] range, on a track (../track.js); `format` is applied here.
function build(e, id, st) {
  const f = field(id);
  trackLabel(f, id);
  const plain = (x) => (st.e.int ? String(x) : x.toFixed(dec(st.e.step ?? 0.01)));
  const t = track(id, st, Array.isArray(e.value), {
    lim: () => ({ min: st.e.min, max: st.e.max, step: st.e.step || (st.e.int ? 1 : 0.01) }),
    text: (x) => fmtNumber(x, st.e.format, plain),
  });
  return {
    node: h('div', {}, f.row, t.node),
    paint(e) { setLabel(f.lt, e); t.paint(e); },
    get: t.get,
    set: t.set,
  };
}

export default (e, ctx) => widget(e, ctx, build);
