/** Ranges of a virtual resource document mapped onto the template it was cut from (where it starts at `base`). */
import type { CompletionItem, Range, TextDocument } from 'vscode-json-languageservice';
import type { ServiceDocument } from './serviceTypes';

export function mapRange(range: Range, from: TextDocument, to: ServiceDocument, base: number): Range {
  return { start: to.positionAt(base + from.offsetAt(range.start)), end: to.positionAt(base + from.offsetAt(range.end)) };
}

type CompletionEdit = NonNullable<CompletionItem['textEdit']>;
type InsertReplaceEdit = Extract<CompletionEdit, { insert: Range }>;

function isInsertReplaceEdit(edit: CompletionEdit): edit is InsertReplaceEdit {
  return 'insert' in edit;
}

export function mapCompletionItem(item: CompletionItem, from: TextDocument, to: ServiceDocument, base: number): CompletionItem {
  const mapped: CompletionItem = { ...item };
  if (item.textEdit) {
    const edit = item.textEdit;
    mapped.textEdit = isInsertReplaceEdit(edit)
      ? { newText: edit.newText, insert: mapRange(edit.insert, from, to, base), replace: mapRange(edit.replace, from, to, base) }
      : { newText: edit.newText, range: mapRange(edit.range, from, to, base) };
  }
  if (item.additionalTextEdits) {
    mapped.additionalTextEdits = item.additionalTextEdits.map((edit) => ({ newText: edit.newText, range: mapRange(edit.range, from, to, base) }));
  }
  return mapped;
}
