// A pydeck chart drawn by deck.gl (vendor/deck.gl-*, with @deck.gl/json to read pydeck's JSON;
// both loaded with the first such chart). No base map: the layers draw over the theme's plain
// background (docs/charts.md). A new spec is converted and given to the same Deck with setProps
// (deck.gl diffs layers by id: the canvas, the view and the hover survive). The rows of a layer's
// `data` never pass through the converter, so text in the data is never read as `@@` syntax;
// tooltips are text (pydeck's `html` template is reduced to its text). With on_select (`id`
// set) a click on a pickable object sends {indices: {layer_id: [i]}}; the server adds the rows.
import { h } from '../dom.js';
import { load, onTheme, theme } from '../vendor.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'selection', 'spec', 'tooltip', 'selection_mode', 'width', 'height', 'alt'];
const LIB = 'deck.gl-9.3.9/dist.min.js', JSON_LIB = 'deck.gl-json-9.3.9/dist.min.js';
const DECK_PROPS = ['layers', 'views', 'parameters', 'pickingRadius', 'effects'];
let ready;
const lib = () => (ready ??= (async () => {
  await load(LIB);
  const deck = window.deck;
  await load(JSON_LIB);
  const json = window.deck;
  window.deck = deck; // @deck.gl/json's UMD build takes the same global name: give it back
  const classes = {};
  for (const [name, v] of Object.entries(deck)) {
    if (typeof v === 'function' && v.prototype && (v.prototype instanceof deck.Layer || v.prototype instanceof deck.View)) classes[name] = v;
  }
  const enumerations = { COORDINATE_SYSTEM: deck.COORDINATE_SYSTEM, OPERATION: deck.OPERATION, UNIT: deck.UNIT };
  return { deck, json, classes, enumerations };
})());

// pydeck's JSON as deck.gl props. Each layer's data is handed over as a constant (`@@#`), so the
// converter sees only the spec's own keys: @@type (layers and views), @@= accessors (deck.gl's
// expression language: no function calls), @@# enumerations, and no functions at all.
function convert(L, spec, selecting) {
  const constants = {}, given = Array.isArray(spec.layers) ? spec.layers : [];
  // as Streamlit: with selections on and no layer saying whether it is pickable, all are
  const allPickable = selecting && !given.some((l) => l && typeof l === 'object' && 'pickable' in l);
  const layers = given.map((layer, i) => {
    if (!layer || typeof layer !== 'object') return layer;
    if (allPickable) layer = { ...layer, pickable: true };
    if (!('data' in layer) || typeof layer.data === 'string') return layer;
    constants['RR_DATA_' + i] = layer.data ?? [];
    return { ...layer, data: '@@#RR_DATA_' + i };
  });
  const configuration = new L.json.JSONConfiguration({ classes: L.classes, enumerations: L.enumerations, constants, functions: {}, log: { warn: () => {}, error: console.error, log: () => {} } });
  const out = new L.json.JSONConverter({ configuration }).convert({ ...spec, layers });
  const props = {};
  for (const k of DECK_PROPS) if (out[k] !== undefined) props[k] = out[k];
  props.layers = (props.layers || []).filter((l) => l instanceof L.deck.Layer);
  if (!props.views) props.controller = true;
  return props;
}

// pydeck's tooltip ({html} or {text}, with {field} placeholders) as plain text. An html
// template is parsed inertly and only its text kept (<br> as a line break) before the row's
// values go in, so a value shows as the characters it holds.
function tipText(tip, object) {
  const row = object && typeof object === 'object' ? { ...(object.properties || {}), ...object } : {};
  const fill = (s) => s.replace(/\{([^{}]+)\}/g, (m, k) => (Object.hasOwn(row, k) && row[k] !== null && typeof row[k] !== 'object' ? String(row[k]) : m));
  if (typeof tip.html === 'string') {
    const doc = new DOMParser().parseFromString(tip.html.replace(/<br\s*\/?>/gi, '\n'), 'text/html');
    return fill(doc.body.textContent || '');
  }
  if (typeof tip.text === 'string') return fill(tip.text);
  return Object.entries(row).filter(([, v]) => v === null || typeof v !== 'object').map(([k, v]) => `${k}: ${v}`).join('\n');
}

export default function mount(e, ctx) {
  const box = h('div', { class: 'rr-pydeck-box' });
  const fail = h('div', { class: 'rr-chart-error', hidden: true });
  const node = h('figure', { class: 'rr-pydeck' }, fail, box);
  const failed = (text, err) => { fail.textContent = text; fail.hidden = false; if (err) console.error(err); };
  let cur = e, deck = null, L = null, shown = '', view = '', dead = false, sel = {}, look = theme();
  const rows = new Map(); // "layer/index" -> the picked object, for layers whose rows the server lacks (a URL)
  const held = (id) => (cur.spec?.layers || []).some((l) => l && l.id === id && (Array.isArray(l.data) || Array.isArray(l.data?.features)));
  const wire = () => {
    const objects = {};
    for (const [id, idx] of Object.entries(sel)) {
      if (!held(id)) objects[id] = idx.map((i) => rows.get(id + '/' + i) ?? cur.selection?.objects?.[id]?.[cur.selection.indices?.[id]?.indexOf(i) ?? -1] ?? null);
    }
    return Object.keys(objects).length ? { indices: sel, objects } : { indices: sel };
  };
  const pick = (info) => {
    if (!cur.id || cur.disabled) return;
    const id = info?.layer?.id, i = info?.index;
    const multi = cur.selection_mode === 'multi-object';
    if (info?.picked && id != null && i >= 0 && !held(id)) rows.set(id + '/' + i, JSON.parse(JSON.stringify(info.object ?? null)));
    if (!info?.picked || id == null || !(i >= 0)) sel = {};
    else if (multi) {
      const now = new Set(sel[id] || []);
      if (now.has(i)) now.delete(i); else now.add(i);
      sel = { ...sel, [id]: [...now] };
      if (!sel[id].length) delete sel[id];
    } else sel = sel[id]?.length === 1 && sel[id][0] === i && Object.keys(sel).length === 1 ? {} : { [id]: [i] };
    highlight();
    if (!cur.form) ctx.send({ t: 'set', id: cur.id, v: wire() });
  };
  const tooltip = (info) => {
    const tip = cur.tooltip;
    if (!tip || !info?.object) return null;
    const text = tipText(tip, info.object);
    if (!text) return null;
    const style = { backgroundColor: look.bg, color: look.fg, border: `1px solid ${look.line}`, borderRadius: '6px', fontFamily: look.font, fontSize: '14px', padding: '6px 10px', whiteSpace: 'pre-line', maxWidth: '320px', ...(tip.style && typeof tip.style === 'object' ? tip.style : {}) };
    return { text, style };
  };
  let layers = [];
  const rgb = (c) => { // a CSS colour as [r, g, b, a] (the canvas reads it back)
    const x = document.createElement('canvas').getContext('2d');
    x.fillStyle = c; x.fillRect(0, 0, 1, 1);
    return [...x.getImageData(0, 0, 1, 1).data];
  };
  let accent = rgb(look.accent || '#ff4b4b');
  const clear = h('button', { class: 'rr-pydeck-clear', type: 'button', title: 'Clear selection', 'aria-label': 'Clear selection', text: '✕' });
  clear.addEventListener('click', () => pick(null));
  box.append(clear);
  const highlight = () => {
    // the picked object of each layer (the last one, in multi-object mode) in the theme's accent
    clear.hidden = !cur.id || cur.disabled || !Object.keys(sel).length;
    if (!deck) return;
    deck.setProps({
      layers: layers.map((l) => {
        const idx = sel[l.id];
        return cur.id && l.props.pickable ? l.clone({ highlightedObjectIndex: idx?.length ? idx[idx.length - 1] : -1, highlightColor: accent }) : l;
      }),
    });
  };
  const draw = async () => {
    try { L = await lib(); } catch (err) {
      failed('The map library did not load.', err); return;
    }
    if (dead) return;
    const spec = cur.spec || {}, key = JSON.stringify([spec, !!cur.id]);
    let props;
    try { props = key === shown ? null : convert(L, spec, !!cur.id); } catch (err) {
      failed('This deck cannot be drawn: ' + err.message, err); return;
    }
    fail.hidden = true;
    if (!deck) {
      deck = new L.deck.Deck({
        parent: box, width: '100%', height: '100%', getTooltip: tooltip, onClick: pick,
        getCursor: ({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
        onError: (err) => failed('The map cannot be drawn here: ' + (err?.message || err), err),
      });
    }
    if (props) {
      shown = key;
      layers = props.layers;
      const v = JSON.stringify(spec.initialViewState || {});
      if (v !== view) { view = v; props.initialViewState = spec.initialViewState || { latitude: 0, longitude: 0, zoom: 1 }; }
      deck.setProps(props);
    }
    highlight();
  };
  const stop = onTheme(() => { look = theme(); accent = rgb(look.accent || '#ff4b4b'); highlight(); });
  const update = (e) => {
    if (e.id !== cur.id) sel = {};
    const given = e.selection?.indices;
    if (given && typeof given === 'object') sel = given;
    cur = e;
    box.style.height = e.height + 'px';
    node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
    node.setAttribute('aria-label', e.alt || 'map');
    node.dataset.widgetId = e.id || '';
    if (e.form) node.dataset.rrForm = e.form; else delete node.dataset.rrForm;
    draw();
  };
  update(e);
  const gone = () => { dead = true; stop(); deck?.finalize(); deck = null; };
  return { node, update, gone, w: !!e.id, id: e.id, get: wire, set: () => {} };
}
