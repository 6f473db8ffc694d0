// Element and widget DOM builders. Every node gets `node.rr`:
// {k, type?, id?, w?, slot?, update(e), get?, added?(child)}.
// Only `html` fields (server-rendered Markdown) ever go through innerHTML.

let uid = 0;
const ui = {}; // client-only state that survives node replacement: tab index / expander open, by path

export function h(tag, props, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') n.className = v;
    else if (k === 'text') n.textContent = v;
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? '' : v);
  }
  n.append(...kids.filter((c) => c != null));
  return n;
}

export const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const dec = (x) => { const s = String(x ?? 1); return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0; };

function setLabel(span, e) {
  span.replaceChildren(e.label ?? '');
  if (e.help) span.append(' ', h('span', { class: 'rr-help', tabindex: 0, role: 'img', title: e.help, 'aria-label': e.help }, '?'));
}
function field(id) { // label row + body
  const lt = h('span');
  const row = h('div', { class: 'rr-lrow' }, h('label', { class: 'rr-label', for: id }, lt));
  return { lt, row };
}

// ---- leaves -------------------------------------------------------------------------------
const leaf = {
  title: (e) => h('h1', { text: e.text }),
  header: (e) => h('h2', { text: e.text }),
  subheader: (e) => h('h3', { text: e.text }),
  caption: (e) => h('p', { class: 'rr-caption', text: e.text }),
  text: (e) => h('div', { class: 'rr-text', text: e.text }),
  markdown(e) { const n = h('div', { class: 'rr-md' }); n.innerHTML = e.html; return n; },
  code(e) {
    const b = h('button', { type: 'button', class: 'rr-copy', 'aria-label': 'Copy code', text: 'Copy' });
    b.onclick = () => navigator.clipboard?.writeText(e.text).then(() => { b.textContent = 'Copied'; setTimeout(() => (b.textContent = 'Copy'), 1200); }, () => {});
    return h('div', { class: 'rr-code' }, h('pre', {}, h('code', { class: e.lang ? 'language-' + e.lang : null, text: e.text })), b);
  },
  json: (e) => h('details', { class: 'rr-json', open: !!e.expanded }, h('summary', { text: 'JSON' }), h('pre', { text: e.text })),
  divider: () => h('hr'),
  alert(e) { const n = h('div', { class: 'rr-alert rr-' + e.level, role: e.level === 'error' ? 'alert' : null }); n.innerHTML = e.html; return n; },
  exception: (e) => h('div', { class: 'rr-exc', role: 'alert' },
    h('div', { class: 'rr-exc-h' }, h('strong', { text: e.type }), e.message ? ': ' + e.message : ''),
    e.trace ? h('details', {}, h('summary', { text: 'Traceback' }), h('pre', { text: e.trace })) : null),
  spinner: (e) => h('div', { class: 'rr-spinner', role: 'status' }, h('span', { class: 'rr-spin', 'aria-hidden': 'true' }), e.text),
};

// ---- blocks -------------------------------------------------------------------------------
function block(e, path) {
  const t = e.type;
  let n, slot, paint = () => {}, added;
  if (t === 'columns') {
    n = slot = h('div', { class: 'rr-cols' });
    paint = (e) => { n.dataset.gap = e.gap || 'small'; };
  } else if (t === 'column') {
    n = slot = h('div', { class: 'rr-col rr-slot' });
    paint = (e) => { n.style.flex = `${e.weight || 1} 1 0`; };
  } else if (t === 'tabs') {
    const base = 'rr' + ++uid;
    const list = h('div', { role: 'tablist', class: 'rr-tablist' });
    slot = h('div', { class: 'rr-panels' });
    n = h('div', { class: 'rr-tabs' }, list, slot);
    const sync = () => {
      const sel = ui[path] || 0;
      [...list.children].forEach((b, i) => {
        b.setAttribute('aria-selected', i === sel);
        b.tabIndex = i === sel ? 0 : -1;
      });
      for (const p of slot.children) {
        p.id = base + 'p' + p.rrIdx;
        p.setAttribute('aria-labelledby', base + 't' + p.rrIdx);
        p.hidden = p.rrIdx !== sel;
      }
    };
    const pick = (i, focus) => { ui[path] = i; sync(); if (focus) list.children[i]?.focus(); };
    list.onkeydown = (ev) => {
      const m = { ArrowRight: 1, ArrowLeft: -1 }[ev.key];
      if (m) { const c = list.children.length; pick(((ui[path] || 0) + m + c) % c, true); ev.preventDefault(); }
    };
    paint = (e) => {
      const labels = e.labels || [];
      if (ui[path] >= labels.length) ui[path] = 0;
      if (!eq(labels, n.rrLabels)) {
        n.rrLabels = labels;
        list.replaceChildren(...labels.map((l, i) => h('button', {
          type: 'button', role: 'tab', id: base + 't' + i, 'aria-controls': base + 'p' + i, class: 'rr-tab', text: l, onclick: () => pick(i),
        })));
      }
      sync();
    };
    added = sync;
  } else if (t === 'tab') {
    n = slot = h('div', { role: 'tabpanel', class: 'rr-slot rr-panel', tabindex: 0 });
  } else if (t === 'expander') {
    const sum = h('summary');
    slot = h('div', { class: 'rr-slot rr-exp-body' });
    n = h('details', { class: 'rr-exp', open: ui[path] ?? !!e.expanded }, sum, slot);
    n.ontoggle = () => (ui[path] = n.open);
    paint = (e) => { sum.textContent = e.label; };
  } else if (t === 'form') {
    n = slot = h('form', { class: 'rr-slot rr-form', novalidate: true, onsubmit: (ev) => ev.preventDefault() });
    paint = (e) => { n.classList.toggle('rr-border', e.border !== false); n.dataset.formId = e.id; };
  } else {
    n = slot = h('div', { class: 'rr-slot rr-' + t });
    paint = (e) => n.classList.toggle('rr-border', !!e.border);
  }
  n.classList.add('rr-b');
  paint(e);
  n.rr = { k: 'block', type: t, slot, added, update: paint };
  return n;
}

// ---- widgets ------------------------------------------------------------------------------
// Each builder: (e, id, st, send) -> {node, paint(e), get(), set(v), focus?}
const W = {
  button: (e, id, st, send) => btn(e, () => send({ t: 'click', id: st.e.id })),
  submit: (e, id, st, send, ctx) => btn(e, () => ctx.submit(st.e.form, st.e.id)),
  checkbox: check, toggle: check,
  text_input(e, id, st, send, ctx) {
    const f = field(id);
    const inp = h('input', { id, class: 'rr-input' });
    const commit = () => { if (inp.value !== st.cur) st.setV(inp.value); };
    inp.onblur = commit;
    inp.onkeydown = (ev) => {
      if (ev.key !== 'Enter' || ev.isComposing) return;
      if (st.e.form) ctx.enter(st.e.form); else commit();
    };
    return {
      node: h('div', {}, f.row, inp),
      paint(e) {
        setLabel(f.lt, e);
        inp.type = e.password ? 'password' : 'text';
        inp.placeholder = e.placeholder || '';
        if (e.max_chars) inp.maxLength = e.max_chars; else inp.removeAttribute('maxlength');
        inp.disabled = e.disabled;
      },
      get: () => inp.value,
      set: (v) => (inp.value = v ?? ''),
    };
  },
  text_area(e, id, st) {
    const f = field(id);
    const ta = h('textarea', { id, class: 'rr-input', rows: 4 });
    const commit = () => { if (ta.value !== st.cur) st.setV(ta.value); };
    ta.onblur = commit;
    ta.onkeydown = (ev) => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); commit(); } };
    return {
      node: h('div', {}, f.row, ta),
      paint(e) {
        setLabel(f.lt, e);
        ta.placeholder = e.placeholder || '';
        if (e.max_chars) ta.maxLength = e.max_chars; else ta.removeAttribute('maxlength');
        ta.style.height = e.height ? e.height + 'px' : '';
        ta.disabled = e.disabled;
      },
      get: () => ta.value,
      set: (v) => (ta.value = v ?? ''),
    };
  },
  number_input(e, id, st) {
    const f = field(id);
    const inp = h('input', { id, class: 'rr-input', type: 'text', autocomplete: 'off' });
    const parse = () => {
      const s = inp.value.trim(), x = Number(s), E = st.e;
      if (!s || !isFinite(x)) return null;
      if ((E.int && !Number.isInteger(x)) || (E.min != null && x < E.min) || (E.max != null && x > E.max)) return null;
      return x;
    };
    const check = () => {
      const v = parse(), E = st.e, bad = v === null && inp.value.trim() !== '';
      inp.setAttribute('aria-invalid', bad);
      inp.title = bad ? `Enter ${E.int ? 'an integer' : 'a number'}${E.min != null ? ' ≥ ' + E.min : ''}${E.max != null ? ' ≤ ' + E.max : ''}` : '';
      return v;
    };
    inp.onchange = () => { const v = check(); if (v !== null && v !== st.cur) st.setV(v); };
    inp.onkeydown = (ev) => { if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') { ev.preventDefault(); bump(ev.key === 'ArrowUp' ? 1 : -1); } };
    const bump = (d) => {
      const E = st.e, step = E.step || 1;
      let x = (parse() ?? E.value ?? E.min ?? 0) + d * step;
      if (E.min != null) x = Math.max(E.min, x);
      if (E.max != null) x = Math.min(E.max, x);
      x = +x.toFixed(E.int ? 0 : Math.max(dec(step), dec(E.value)));
      inp.value = x;
      check();
      if (x !== st.cur) st.setV(x);
    };
    const minus = h('button', { type: 'button', class: 'rr-step', 'aria-label': 'Decrease', text: '−', onclick: () => bump(-1) });
    const plus = h('button', { type: 'button', class: 'rr-step', 'aria-label': 'Increase', text: '+', onclick: () => bump(1) });
    return {
      node: h('div', {}, f.row, h('div', { class: 'rr-num' }, inp, minus, plus)),
      paint(e) {
        setLabel(f.lt, e);
        inp.inputMode = e.int ? 'numeric' : 'decimal';
        inp.placeholder = e.placeholder || '';
        inp.disabled = minus.disabled = plus.disabled = e.disabled;
      },
      get: () => parse(),
      set: (v) => { inp.value = v ?? ''; check(); },
    };
  },
  slider(e, id, st) {
    const f = field(id);
    const out = h('output', { class: 'rr-sv', for: id });
    const fill = h('div', { class: 'rr-fill' });
    const range = Array.isArray(e.value);
    const ins = (range ? [0, 1] : [0]).map((i) => h('input', {
      type: 'range', id: i ? id + 'b' : id, 'aria-label': range ? (i ? 'Upper value' : 'Lower value') : null,
    }));
    f.row.append(out);
    const fmt = (x) => (st.e.int ? String(x) : x.toFixed(dec(st.e.step ?? 0.01)));
    const get = () => (range ? ins.map((i) => +i.value) : +ins[0].value);
    const show = (moved) => {
      if (range && +ins[0].value > +ins[1].value) (moved === ins[0] ? ins[1] : ins[0]).value = moved.value;
      const v = get(), E = st.e, pct = (x) => ((x - E.min) / (E.max - E.min || 1)) * 100;
      out.textContent = range ? `${fmt(v[0])} – ${fmt(v[1])}` : fmt(v);
      fill.style.left = (range ? pct(v[0]) : 0) + '%';
      fill.style.right = 100 - pct(range ? v[1] : v) + '%';
    };
    for (const i of ins) {
      i.oninput = () => show(i);
      i.onchange = () => { const v = get(); if (!eq(v, st.cur)) st.setV(v); };
    }
    return {
      node: h('div', {}, f.row, h('div', { class: 'rr-range' + (range ? ' rr-two' : '') }, h('div', { class: 'rr-track' }, fill), ...ins)),
      paint(e) {
        setLabel(f.lt, e);
        for (const i of ins) Object.assign(i, { min: e.min, max: e.max, step: e.step ?? 'any', disabled: e.disabled });
        show(ins[0]);
      },
      get,
      set: (v) => { (range ? v : [v]).forEach((x, i) => (ins[i].value = x)); show(ins[0]); },
    };
  },
  selectbox(e, id, st) {
    const f = field(id);
    const sel = h('select', { id, class: 'rr-input' });
    sel.onchange = () => st.setV(+sel.value);
    return {
      node: h('div', {}, f.row, sel),
      paint(e) {
        setLabel(f.lt, e);
        const key = JSON.stringify([e.options, e.placeholder]);
        if (key !== sel.rrKey) {
          const cur = sel.value;
          sel.rrKey = key;
          sel.replaceChildren(h('option', { value: '', disabled: true, hidden: true, text: e.placeholder || 'Choose an option' }),
            ...e.options.map((o, i) => h('option', { value: i, text: o })));
          sel.value = cur;
        }
        sel.disabled = e.disabled;
      },
      get: () => (sel.value === '' ? null : +sel.value),
      set: (v) => (sel.value = v == null ? '' : v),
    };
  },
  radio(e, id, st) {
    const lg = h('legend', { class: 'rr-label' });
    const opts = h('div', { class: 'rr-opts' });
    const get = () => { const i = [...opts.querySelectorAll('input')].findIndex((r) => r.checked); return i < 0 ? null : i; };
    return {
      node: h('fieldset', { class: 'rr-radio' }, lg, opts),
      paint(e) {
        setLabel(lg, e);
        opts.classList.toggle('rr-h', !!e.horizontal);
        if (!eq(e.options, opts.rrOpts)) {
          const cur = get();
          opts.rrOpts = e.options;
          opts.replaceChildren(...e.options.map((o, i) => h('label', { class: 'rr-check' },
            h('input', { type: 'radio', name: id, checked: i === cur, onchange: () => st.setV(i) }), h('span', { text: o }))));
        }
        for (const r of opts.querySelectorAll('input')) r.disabled = e.disabled;
      },
      get,
      set: (v) => opts.querySelectorAll('input').forEach((r, i) => (r.checked = i === v)),
    };
  },
  multiselect(e, id, st) {
    const f = field(id);
    let val = [];
    const chips = h('div', { class: 'rr-chips' });
    const sel = h('select', { id, class: 'rr-input' });
    const render = () => {
      const E = st.e;
      chips.replaceChildren(...val.map((i) => h('span', { class: 'rr-chip' }, E.options[i],
        h('button', { type: 'button', 'aria-label': 'Remove ' + E.options[i], text: '×', disabled: E.disabled,
          onclick: () => { val = val.filter((j) => j !== i); render(); st.setV(val.slice()); sel.focus(); } }))));
      const full = E.max != null && val.length >= E.max; // max_selections: no more choices offered
      const head = val.length === E.options.length ? 'All selected' : full ? `At most ${E.max} selected` : E.placeholder || 'Choose options';
      sel.replaceChildren(h('option', { value: '', text: head }),
        ...E.options.map((o, i) => (val.includes(i) ? null : h('option', { value: i, text: o }))).filter(Boolean));
      sel.value = '';
      sel.disabled = E.disabled || full || val.length === E.options.length;
    };
    sel.onchange = () => { if (sel.value === '') return; val = [...val, +sel.value]; render(); st.setV(val.slice()); };
    return {
      node: h('div', {}, f.row, h('div', { class: 'rr-multi' }, chips, sel)),
      paint(e) { setLabel(f.lt, e); render(); },
      get: () => val.slice(),
      set: (v) => { val = (v || []).slice(); render(); },
    };
  },
};

function btn(e, onclick) {
  const b = h('button', { type: 'button', onclick });
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
}

function check(e, id, st) {
  const inp = h('input', { type: 'checkbox', id, role: e.k === 'toggle' ? 'switch' : null, onchange: () => st.setV(inp.checked) });
  const lt = h('span');
  return {
    node: h('div', {}, h('label', { class: 'rr-check' + (e.k === 'toggle' ? ' rr-toggle' : '') }, inp, lt)),
    paint(e) { setLabel(lt, e); inp.disabled = e.disabled; },
    get: () => inp.checked,
    set: (v) => (inp.checked = !!v),
  };
}

function widget(e, ctx) {
  const id = 'rr' + ++uid;
  const st = { e, cur: undefined, last: undefined };
  // A value we send counts as the server's latest too, so its echo never overwrites newer typing.
  st.setV = (v) => { if (st.e.form) return; st.cur = st.last = v; ctx.send({ t: 'set', id: st.e.id, v }); };
  const w = W[e.k](e, id, st, ctx.send, ctx);
  const n = w.node;
  n.classList.add('rr-w', 'rr-' + e.k);
  const update = (e) => {
    st.e = e;
    n.dataset.widgetId = e.id;
    if (e.form) n.dataset.rrForm = e.form; else delete n.dataset.rrForm;
    w.paint(e);
    if (w.btn) return;
    const v = e.k === 'selectbox' || e.k === 'radio' ? e.index : e.value;
    // Never move the caret for an echo: only overwrite what the user sees when the server
    // changed its mind (differs from its last value) and the element shows something else.
    if (!eq(v, st.last) && !eq(v, w.get())) w.set(v);
    st.last = st.cur = v;
  };
  n.rr = { k: e.k, id: e.id, w: true, update, get: w.get, btn: w.btn };
  update(e);
  return n;
}

export function create(e, path, ctx) {
  let n;
  if (e.k === 'block') n = block(e, path);
  else if (W[e.k]) n = widget(e, ctx);
  else {
    n = (leaf[e.k] || ((e) => h('div', { class: 'rr-unknown', text: `[${e.k}]` })))(e);
    n.rr = { k: e.k };
  }
  n.dataset.path = path;
  n.dataset.kind = e.k;
  if (e.k === 'block') n.dataset.type = e.type;
  return n;
}
