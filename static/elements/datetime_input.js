import { widget } from '../dom.js';
import { temporal } from './time_input.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'min', 'max', 'step', 'format', 'required', 'width'];

export default (e, ctx) => widget(e, ctx, temporal('datetime-local'));
