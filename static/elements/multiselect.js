import { field, setLabel, widget } from '../dom.js';
import { combobox } from '../combobox.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'options', 'placeholder', 'max', 'accept_new', 'filter', 'select_all', 'wrap', 'width'];

// Any number of options: the searchable combobox (../combobox.js) with the chosen options as chips
// inside the field; the value is a list of option indices and new options' texts.
function build(e, id, st) {
  const f = field(id);
  f.row.firstChild.id = id + '-l'; // names the listbox too
  const c = combobox(id, st, true);
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
