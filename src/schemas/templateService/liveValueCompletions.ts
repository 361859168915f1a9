/** Completion items for values from Azure (LiveValueProvider) at a string value of a resource or body. */
import { getLocation } from 'jsonc-parser';
import type { CompletionItem, Range } from 'vscode-json-languageservice';
import { CompletionItemKind } from 'vscode-json-languageservice';
import type { GalleryResourceKind } from '../resourceKinds';
import type { TemplateResource } from '../templateResources';
import type { LiveValueProvider, ServiceDocument } from './serviceTypes';

/**
 * The provider's values for the string at `offset` of `text` (a resource's text, or a body file's), as items whose
 * edits replace that string in `document`, where `text` starts at `base`.
 */
export async function liveValueItems(
  provider: LiveValueProvider | undefined,
  kind: GalleryResourceKind,
  resource: TemplateResource | undefined,
  text: string,
  offset: number,
  document: ServiceDocument,
  base: number,
): Promise<CompletionItem[]> {
  if (!provider) {
    return [];
  }
  const location = getLocation(text, offset);
  if (location.isAtPropertyKey || location.path.length === 0) {
    return [];
  }
  const previous = location.previousNode;
  if (previous && previous.type !== 'string') {
    return [];
  }
  const values = await provider.provideValues({ kind, path: location.path, resource, documentUri: document.uri });
  const replace: Range =
    previous && offset >= previous.offset && offset <= previous.offset + previous.length
      ? { start: document.positionAt(base + previous.offset), end: document.positionAt(base + previous.offset + previous.length) }
      : { start: document.positionAt(base + offset), end: document.positionAt(base + offset) };
  return values.map((value, index) => ({
    label: value.label ?? value.value,
    kind: CompletionItemKind.Value,
    detail: value.detail,
    documentation: value.documentation ? { kind: 'markdown', value: value.documentation } : undefined,
    sortText: `0${String(index).padStart(4, '0')}`,
    filterText: JSON.stringify(value.value),
    textEdit: { range: replace, newText: JSON.stringify(value.value) },
  }));
}
