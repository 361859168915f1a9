/** One field, by its type: each type has its own renderer in this folder. */
import type { FieldSpec } from '../../forms/formTypes';
import { renderCheckboxField } from './checkboxField';
import { renderChoiceGroupField } from './choiceGroupField';
import type { FieldRenderContext } from './fieldParts';
import { renderPickerField } from './pickerField';
import { renderSelectField } from './selectField';
import { renderTableField } from './tableField';
import { renderTextField } from './textField';

export function renderField(field: FieldSpec, ctx: FieldRenderContext): HTMLElement {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'date':
    case 'number':
      return renderTextField(field, ctx);
    case 'select':
      return renderSelectField(field, ctx);
    case 'radio':
    case 'multi':
      return renderChoiceGroupField(field, ctx);
    case 'checkbox':
      return renderCheckboxField(field, ctx);
    case 'picker':
      return renderPickerField(field, ctx);
    case 'table':
      return renderTableField(field, ctx);
  }
}
