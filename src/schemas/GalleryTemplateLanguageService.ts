/**
 * Completions, hover and diagnostics for gallery resources inside ARM templates, and gallery checks for body files.
 * Pure (no 'vscode'): built on vscode-json-languageservice, so the extension layer (registerTemplateSupport.ts) only
 * converts positions and results.
 *
 * How a template is served: the template is parsed once per document version (templateResources.ts); each gallery
 * resource object is cut out as a small virtual JSON document and handed to the JSON language service, whose schema
 * association maps the virtual document to the template-resource schema of its kind. Offsets are mapped back by
 * adding the resource's start offset, so results land on the right characters of the real document.
 *
 * What it deliberately does not do:
 *  - schema completions / hover / diagnostics in body files (*.gallery.json, …): VS Code's JSON language features
 *    already serve those through the `jsonValidation` contribution; only the gallery checks (and live values) come
 *    from here, so nothing is shown twice;
 *  - JSON syntax errors: the editor's JSON support reports them.
 * `schemaFeatures: false` (per call) limits templates to the gallery checks and live values too: used when another
 * extension (Azure Resource Manager Tools) already provides schema completions for the document.
 *
 * This class wires the parts together; each job has its own file in templateService/ (see README.md, "How the
 * template language service is built"): the document cache and incremental analysis (TemplateDocuments), the
 * validation state carried across edits (validationCache), one resource's diagnostics (ResourceValidator), a
 * document's (TemplateValidation), virtual documents (VirtualResources), completion, hover and live values.
 */
import type { ClientCapabilities, CompletionList, Diagnostic, Hover, LanguageService, Position, SchemaRequestService } from 'vscode-json-languageservice';
import { getLanguageService } from 'vscode-json-languageservice';
import { GALLERY_RESOURCE_KINDS } from './resourceKinds';
import { templateResourceSchema } from './schemaCatalog';
import type { TemplateResource } from './templateResources';
import { ParsedResources } from './templateService/ParsedResources';
import { ResourceValidator } from './templateService/ResourceValidator';
import type { ContentChange, DocumentRole, FeatureOptions, LiveValueProvider, ServiceDocument, ValidationCounts } from './templateService/serviceTypes';
import { completeInDocument } from './templateService/templateCompletion';
import { TemplateDocuments } from './templateService/TemplateDocuments';
import { hoverInDocument } from './templateService/templateHover';
import { TemplateValidation } from './templateService/TemplateValidation';
import { VirtualResources, virtualFileMatch } from './templateService/VirtualResources';

export { DIAGNOSTIC_SOURCE } from './templateService/serviceTypes';
/**
 * dist/templates.js has its own copy of @vscode/l10n (the template checks' messages): the host that loads it
 * gives that copy VS Code's bundle (registerTemplateSupport.ts).
 */
export { config as configureL10n } from '@vscode/l10n';
export type {
  ContentChange,
  DocumentRole,
  FeatureOptions,
  LiveValue,
  LiveValueProvider,
  LiveValueRequest,
  ServiceDocument,
  ValidationCounts,
} from './templateService/serviceTypes';

export interface GalleryTemplateLanguageServiceOptions {
  /** Only needed if a schema ever refers to a remote one; the bundled schemas are self-contained. */
  readonly schemaRequestService?: SchemaRequestService;
  readonly clientCapabilities?: ClientCapabilities;
  readonly liveValues?: LiveValueProvider;
  /** Clock for the end-of-life check (tests pin it). */
  readonly now?: () => Date;
  /** Entries kept in each cache (virtual documents, per-resource diagnostics). */
  readonly cacheSize?: number;
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], commitCharactersSupport: true, labelDetailsSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export class GalleryTemplateLanguageService {
  private readonly languageService: LanguageService;
  private readonly documents: TemplateDocuments;
  private readonly virtualResources: VirtualResources;
  private readonly resourceValidator: ResourceValidator;
  private readonly validation: TemplateValidation;

  constructor(private readonly options: GalleryTemplateLanguageServiceOptions = {}) {
    this.languageService = getLanguageService({
      schemaRequestService: options.schemaRequestService,
      workspaceContext: { resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).toString() },
      clientCapabilities: options.clientCapabilities ?? DEFAULT_CAPABILITIES,
    });
    this.languageService.configure({
      validate: true,
      allowComments: true,
      schemas: GALLERY_RESOURCE_KINDS.map((kind) => ({
        uri: `acg-schema://template/${kind}.json`,
        fileMatch: [virtualFileMatch(kind)],
        schema: templateResourceSchema(kind),
      })),
    });
    const now = options.now ?? (() => new Date());
    const size = options.cacheSize ?? 500;
    const parsedResources = new ParsedResources();
    this.documents = new TemplateDocuments(parsedResources);
    this.virtualResources = new VirtualResources(this.languageService, size);
    this.resourceValidator = new ResourceValidator(this.languageService, this.virtualResources, parsedResources, now, size * 4);
    this.validation = new TemplateValidation(this.documents, this.resourceValidator, now);
  }

  /** What the document is to this service: an ARM template, a body file (by its name), or nothing of ours. */
  classify(document: ServiceDocument): DocumentRole {
    const entry = this.documents.entry(document);
    if (entry.body) {
      return { role: 'body', ...entry.body };
    }
    const { analysis } = this.documents.analysed(entry);
    return analysis.isTemplate && analysis.resources.length > 0 ? { role: 'template', analysis } : { role: 'none' };
  }

  /** The gallery resources of a template (empty for other documents). */
  templateResources(document: ServiceDocument): readonly TemplateResource[] {
    const entry = this.documents.entry(document);
    return entry.body ? [] : this.documents.analysed(entry).analysis.resources;
  }

  /** Forget a closed document. */
  forget(uri: string): void {
    this.documents.forget(uri);
  }

  /**
   * What the editor reports of an edit (optional): the document's new version and the ranges replaced, applied in
   * order. With it, an edit of a large template costs what the edit touches, not a comparison of the whole text.
   */
  didChange(uri: string, version: number, changes: readonly ContentChange[]): void {
    this.documents.didChange(uri, version, changes);
  }

  doComplete(document: ServiceDocument, position: Position, features: FeatureOptions = {}): Promise<CompletionList | null> {
    return completeInDocument(this.languageService, this.documents, this.virtualResources, this.options.liveValues, document, position, features);
  }

  doHover(document: ServiceDocument, position: Position, features: FeatureOptions = {}): Promise<Hover | null> {
    return hoverInDocument(this.languageService, this.documents, this.virtualResources, document, position, features);
  }

  doValidation(document: ServiceDocument, features: FeatureOptions = {}): Promise<Diagnostic[]> {
    return this.validation.validate(document, features);
  }

  /** How resources were validated since the service was created (tests and the benchmark read it). */
  validationCounts(): ValidationCounts {
    return this.resourceValidator.validationCounts();
  }
}
