/**
 * Completions: the schema's inside a template resource (on its virtual document, offsets mapped back), and live
 * values in templates and body files. Right after typing, only the resource near the cursor is looked at
 * (TemplateDocuments.locate); the analysis of the whole template is left for later.
 */
import type { CompletionItem, CompletionList, LanguageService, Position } from 'vscode-json-languageservice';
import { liveValueItems } from './liveValueCompletions';
import type { FeatureOptions, LiveValueProvider, ServiceDocument } from './serviceTypes';
import type { TemplateDocuments } from './TemplateDocuments';
import { mapCompletionItem } from './virtualRanges';
import type { VirtualResources } from './VirtualResources';

export async function completeInDocument(
  languageService: LanguageService,
  documents: TemplateDocuments,
  virtualResources: VirtualResources,
  liveValues: LiveValueProvider | undefined,
  document: ServiceDocument,
  position: Position,
  features: FeatureOptions,
): Promise<CompletionList | null> {
  const entry = documents.entry(document);
  const offset = document.offsetAt(position);
  if (entry.body) {
    const items = await liveValueItems(liveValues, entry.body.kind, undefined, entry.text, offset, document, 0);
    return items.length ? { isIncomplete: false, items } : null;
  }
  const found = virtualResources.at(documents, entry, offset);
  if (!found || found.resource.existing) {
    return null;
  }
  const { resource, virtual } = found;
  const virtualOffset = offset - resource.offset;
  const items: CompletionItem[] = [];
  let isIncomplete = false;
  if (features.schemaFeatures !== false) {
    const list = await languageService.doComplete(virtual.textDocument, virtual.textDocument.positionAt(virtualOffset), virtual.jsonDocument);
    if (list) {
      isIncomplete = list.isIncomplete;
      for (const item of list.items) {
        items.push(mapCompletionItem(item, virtual.textDocument, document, resource.offset));
      }
    }
  }
  items.push(...(await liveValueItems(liveValues, resource.kind, resource, virtual.textDocument.getText(), virtualOffset, document, resource.offset)));
  return items.length || isIncomplete ? { isIncomplete, items } : null;
}
