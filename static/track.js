// The track shared by slider and select_slider: thumbs with role=slider (arrows, PageUp/PageDown,
// Home/End), a click or drag anywhere on the track moves the nearest thumb there, and each thumb
// shows its value above it. Values are numbers on a min/max/step grid (select_slider: indices).
import { h, dec, eq } from './dom.js';

export function track(id, st, range, cfg) {
  let vals = range ? [0, 0] : [0];
  const fill = h('div', { class: 'rr-fill' });
  const rail = h('div', { class: 'rr-rail' }, h('div', { class: 'rr-bar' }, fill));
  const names = ['lower value', 'upper value'].map((t, i) => h('span', { class: 'rr-sr', id: `${id}-n${i}`, 'aria-hidden': 'true', text: t }));
  const thumbs = vals.map((_, i) => {
    const tip = h('span', { class: 'rr-tip', 'aria-hidden': 'true' });
    const t = h('div', {
      class: 'rr-thumb ' + (i ? 'rr-hi' : 'rr-lo'), role: 'slider', tabindex: 0, id: i ? id + 'b' : id, 'aria-orientation': 'horizontal',
      'aria-labelledby': range ? `${id}-l ${id}-n${i}` : `${id}-l`,
    }, tip);
    t.rrTip = tip;
    return t;
  });
  rail.append(...thumbs);
  const ends = h('div', { class: 'rr-ends', 'aria-hidden': 'true' }, h('span'), h('span'));
  const node = h('div', { class: 'rr-trk' + (range ? ' rr-two' : '') }, rail, ends, ...(range ? names : []));

  const lim = () => cfg.lim();
  const snap = (x) => {
    const { min, max, step } = lim();
    const v = Math.min(max, Math.max(min, min + Math.round((x - min) / step) * step));
    return +v.toFixed(Math.max(dec(step), dec(min)));
  };
  const pct = (v) => { const { min, max } = lim(); return ((v - min) / (max - min || 1)) * 100; };
  const get = () => (range ? vals.slice() : vals[0]);
  const send = () => { const v = get(); if (!eq(v, st.cur)) st.setV(v); };

  function draw() {
    const { min, max } = lim();
    thumbs.forEach((t, i) => {
      const v = vals[i], text = cfg.text(v);
      t.style.left = pct(v) + '%';
      t.rrTip.textContent = text;
      t.setAttribute('aria-valuenow', v);
      t.setAttribute('aria-valuetext', text);
      t.setAttribute('aria-valuemin', range && i ? vals[0] : min);
      t.setAttribute('aria-valuemax', range && !i ? vals[1] : max);
    });
    fill.style.left = (range ? pct(vals[0]) : 0) + '%';
    fill.style.right = 100 - pct(vals[range ? 1 : 0]) + '%';
    if (range) { if (node.isConnected) near(); else requestAnimationFrame(near); }
  }
  function near() { // two values whose labels would overlap: each leans away from the other
    const [a, b] = thumbs.map((t) => t.rrTip.offsetWidth);
    node.classList.toggle('rr-near', ((pct(vals[1]) - pct(vals[0])) / 100) * rail.offsetWidth < (a + b) / 2 + 8);
  }
  const put = (i, v) => { vals[i] = range ? (i ? Math.max(v, vals[0]) : Math.min(v, vals[1])) : v; draw(); };

  let drag = -1;
  const at = (ev) => {
    const r = rail.getBoundingClientRect(), { min, max } = lim();
    return snap(min + ((ev.clientX - r.left) / (r.width || 1)) * (max - min));
  };
  rail.addEventListener('pointerdown', (ev) => {
    if (st.e.disabled || ev.button !== 0) return;
    ev.preventDefault();
    const v = at(ev);
    drag = !range ? 0 : vals[0] === vals[1] ? +(v > vals[1]) : +(Math.abs(v - vals[1]) < Math.abs(v - vals[0]));
    rail.setPointerCapture?.(ev.pointerId);
    thumbs[drag].focus({ preventScroll: true });
    put(drag, v);
  });
  rail.addEventListener('pointermove', (ev) => { if (drag >= 0) put(drag, at(ev)); });
  const end = () => { if (drag >= 0) { drag = -1; send(); } };
  rail.addEventListener('pointerup', end);
  rail.addEventListener('pointercancel', end);
  thumbs.forEach((t, i) => t.addEventListener('keydown', (ev) => {
    if (st.e.disabled) return;
    const { min, max, step } = lim(), big = Math.max(step, Math.round((max - min) / 10 / step) * step);
    const d = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step, PageUp: big, PageDown: -big }[ev.key];
    const v = d != null ? snap(vals[i] + d) : ev.key === 'Home' ? min : ev.key === 'End' ? max : null;
    if (v == null) return;
    ev.preventDefault();
    put(i, v);
    send();
  }));

  return {
    node,
    paint(e) {
      const { min, max } = lim();
      ends.children[0].textContent = cfg.text(min);
      ends.children[1].textContent = cfg.text(max);
      node.classList.toggle('rr-disabled', !!e.disabled);
      node.style.maxWidth = e.width ? e.width + 'px' : '';
      for (const t of thumbs) {
        t.tabIndex = e.disabled ? -1 : 0;
        if (e.disabled) t.setAttribute('aria-disabled', 'true'); else t.removeAttribute('aria-disabled');
      }
      draw();
    },
    get,
    set: (v) => { vals = range ? [...v] : [v]; draw(); },
  };
}

// The label row of a track: its <label> names the thumbs through aria-labelledby (a div with
// role=slider is not labelable by `for`).
export function trackLabel(f, id) {
  const lab = f.row.querySelector('label');
  lab.id = id + '-l';
  lab.removeAttribute('for');
}
