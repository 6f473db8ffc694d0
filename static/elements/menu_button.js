import { h, widget } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'kind', 'wide', 'icon', 'icon_position', 'width', 'shortcut', 'wrap', 'options'];

// A menu button (WAI-ARIA menu pattern): Enter/Space/ArrowDown open the menu and focus its first
// item, arrows move, Home/End jump, Enter picks, Escape closes and returns focus to the button.
function build(e, id, st, ctx) {
  const b = h('button', { type: 'button', id, 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': id + 'm' });
  const menu = h('ul', { role: 'menu', id: id + 'm', class: 'rr-menu', hidden: true, 'aria-labelledby': id });
  const items = () => [...menu.querySelectorAll('[role=menuitem]')];
  const close = (focus) => {
    menu.hidden = true;
    b.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (focus) b.focus();
  };
  const outside = (ev) => { if (!node.contains(ev.target)) close(false); };
  const open = (at) => {
    menu.hidden = false;
    b.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside, true);
    const all = items();
    all[at < 0 ? all.length - 1 : 0]?.focus();
  };
  const choose = (i) => { close(true); ctx.send({ t: 'click', id: st.e.id, v: i }); };
  b.onclick = () => (menu.hidden ? open(0) : close(false));
  b.onkeydown = (ev) => {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); open(0); } else if (ev.key === 'ArrowUp') { ev.preventDefault(); open(-1); }
  };
  menu.onkeydown = (ev) => {
    const all = items(), i = all.indexOf(document.activeElement);
    const to = { ArrowDown: (i + 1) % all.length, ArrowUp: (i - 1 + all.length) % all.length, Home: 0, End: all.length - 1 }[ev.key];
    if (to !== undefined) { ev.preventDefault(); all[to].focus(); } else if (ev.key === 'Escape' || ev.key === 'Tab') { close(ev.key === 'Escape'); }
  };
  const node = h('div', { class: 'rr-menu-wrap' }, b, menu);
  return {
    node,
    paint(e) {
      b.className = 'rr-btn rr-' + (e.kind || 'secondary') + (e.wide ? ' rr-wide' : '');
      const kids = [h('span', { class: 'rr-btn-label', text: e.label }), h('span', { class: 'rr-menu-caret', 'aria-hidden': 'true', text: '▾' })];
      if (e.icon) kids.unshift(icon(e.icon, 'rr-btn-icon'));
      b.replaceChildren(...kids);
      b.title = e.help || '';
      b.disabled = e.disabled;
      menu.replaceChildren(...e.options.map((o, i) => h('li', { role: 'none' },
        h('button', { type: 'button', role: 'menuitem', tabindex: -1, class: 'rr-menu-item', text: o, onclick: () => choose(i) }))));
      if (e.disabled) close(false);
    },
    gone: () => document.removeEventListener('pointerdown', outside, true),
    btn: true,
  };
}

export default (e, ctx) => widget(e, ctx, build);
