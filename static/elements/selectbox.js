import { field, setLabel, widget } from '../dom.js';
import { combobox } from '../combobox.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'index', 'options', 'placeholder', 'accept_new', 'filter', 'icon', 'width'];

// One option: a searchable combobox (../combobox.js); the value is an option index, or the text
// of a new option when the app accepts new options.
function build(e, id, st) {
  const f = field(id);
  f.row.firstChild.id = id + '-l'; // names the listbox too
  const c = combobox(id, st, false);
  const node = document.createElement('div');
  node.append(f.row, c.node);
  return {
    node,
    paint(e) { setLabel(f.lt, e); c.paint(e); },
    get: c.get,
    set: c.set,
  };
}

export default (e, ctx) => widget(e, ctx, build);
