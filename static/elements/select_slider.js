import { h, field, setLabel, widget } from '../dom.js';
import { track, trackLabel } from '../track.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'options', 'width'];

// A track over option indices (../track.js); the thumbs and the ends show the options' labels.
function build(e, id, st) {
  const f = field(id);
  trackLabel(f, id);
  const t = track(id, st, Array.isArray(e.value), {
    lim: () => ({ min: 0, max: Math.max(st.e.options.length - 1, 0), step: 1 }),
    text: (i) => st.e.options[i] ?? '',
  });
  return {
    node: h('div', {}, f.row, t.node),
    paint(e) { setLabel(f.lt, e); t.paint(e); },
    get: t.get,
    set: t.set,
  };
}

export default (e, ctx) => widget(e, ctx, build);
