import { widget } from '../dom.js';
import { button } from './button.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'kind', 'wide', 'icon', 'icon_position', 'width', 'shortcut', 'wrap'];

const build = button((st, ctx) => ctx.submit(st.e.form, st.e.id));
export default (e, ctx) => widget(e, ctx, build);
