/**
 * Each gallery resource of a template as a small virtual JSON document for the JSON language service, whose schema
 * association maps it to the template-resource schema of its kind; cached by the resource's kind and text.
 */
import type { JSONDocument, LanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-json-languageservice';
import type { GalleryResourceKind } from '../resourceKinds';
import type { TemplateResource } from '../templateResources';
import { resourceAtOffset } from '../templateResources';
import { LruCache } from './LruCache';
import type { DocumentEntry, TemplateDocuments } from './TemplateDocuments';

export interface VirtualResource {
  readonly textDocument: TextDocument;
  readonly jsonDocument: JSONDocument;
}

/** The URI of a virtual document of `kind` (matched by `virtualFileMatch`). */
function virtualUri(kind: GalleryResourceKind): string {
  return `acg-virtual://template/${kind}.acg-template.json`;
}

/** The file-name pattern a virtual document of `kind` is given, for the language service's schema configuration. */
export function virtualFileMatch(kind: GalleryResourceKind): string {
  return `${kind}.acg-template.json`;
}

export class VirtualResources {
  private readonly cache: LruCache<VirtualResource>;

  constructor(
    private readonly languageService: LanguageService,
    size: number,
  ) {
    this.cache = new LruCache(size);
  }

  /** The virtual document of `resource`, a resource of `documentText`. */
  of(documentText: string, resource: TemplateResource): VirtualResource {
    const text = documentText.slice(resource.offset, resource.offset + resource.length);
    const key = `${resource.kind}|${text}`;
    let virtual = this.cache.get(key);
    if (!virtual) {
      const textDocument = TextDocument.create(virtualUri(resource.kind), 'json', 1, text);
      virtual = { textDocument, jsonDocument: this.languageService.parseJSONDocument(textDocument) };
      this.cache.set(key, virtual);
    }
    return virtual;
  }

  /**
   * The virtual document of the resource at `offset`, confirmed: a provisional location (TemplateDocuments.locate) is
   * accepted only if the text still holds one object of the same type there and the offset is not inside a nested
   * child resource.
   */
  at(documents: TemplateDocuments, entry: DocumentEntry, offset: number): { resource: TemplateResource; virtual: VirtualResource } | undefined {
    const located = documents.locate(entry, offset);
    if (!located) {
      return undefined;
    }
    const virtual = this.of(entry.text, located.resource);
    if (!located.provisional || confirms(virtual, located.resource, offset - located.resource.offset)) {
      return { resource: located.resource, virtual };
    }
    const resource = resourceAtOffset(documents.analysed(entry).analysis, offset);
    return resource && { resource, virtual: this.of(entry.text, resource) };
  }
}

/**
 * A provisional location holds if the virtual document is one object spanning the text, of the same declared type,
 * and the offset is not inside that object's child `resources` (where the edit may have added a resource).
 */
function confirms(virtual: VirtualResource, resource: TemplateResource, virtualOffset: number): boolean {
  const root = virtual.jsonDocument.root;
  if (!root || root.type !== 'object' || root.offset !== 0 || root.length !== virtual.textDocument.getText().length) {
    return false;
  }
  const typeProperty = root.properties.find((p) => p.keyNode.value.toLowerCase() === 'type');
  if (typeProperty?.valueNode?.type !== 'string' || typeProperty.valueNode.value !== resource.declaredType) {
    return false;
  }
  const resources = root.properties.find((p) => p.keyNode.value.toLowerCase() === 'resources');
  return !resources || virtualOffset < resources.offset || virtualOffset > resources.offset + resources.length;
}
