/** Hover inside a template resource: the schema's description, from the resource's virtual document. */
import type { Hover, LanguageService, Position } from 'vscode-json-languageservice';
import type { FeatureOptions, ServiceDocument } from './serviceTypes';
import type { TemplateDocuments } from './TemplateDocuments';
import { mapRange } from './virtualRanges';
import type { VirtualResources } from './VirtualResources';

export async function hoverInDocument(
  languageService: LanguageService,
  documents: TemplateDocuments,
  virtualResources: VirtualResources,
  document: ServiceDocument,
  position: Position,
  features: FeatureOptions,
): Promise<Hover | null> {
  const entry = documents.entry(document);
  if (features.schemaFeatures === false || entry.body) {
    return null;
  }
  const offset = document.offsetAt(position);
  const found = virtualResources.at(documents, entry, offset);
  if (!found || found.resource.existing) {
    return null;
  }
  const { resource, virtual } = found;
  const hover = await languageService.doHover(virtual.textDocument, virtual.textDocument.positionAt(offset - resource.offset), virtual.jsonDocument);
  if (!hover) {
    return null;
  }
  return hover.range ? { ...hover, range: mapRange(hover.range, virtual.textDocument, document, resource.offset) } : hover;
}
