import { widget } from '../dom.js';
import { check } from './checkbox.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'width', 'wrap'];
export default (e, ctx) => widget(e, ctx, check);
