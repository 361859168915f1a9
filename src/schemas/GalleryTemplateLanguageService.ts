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
 * Large templates (see bench/templateBench.ts and README.md, Performance): each document version is analysed at most
 * once, incrementally from the previous one, using the editor's change ranges when given (didChange); diagnostics are
 * kept per resource and carried across edits, so only the resources an edit added are validated again, and of those
 * only the edited value when the schema allows (subtreeValidation.ts); a validation result is kept per version; a
 * completion right after typing looks only at the resource near the cursor and leaves the analysis for later.
 * Virtual documents and per-resource diagnostics are also cached by the resource's text.
 */
import type { Node } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { getLocation, parseTree } from 'jsonc-parser';
import type {
  ClientCapabilities,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  JSONDocument,
  LanguageService,
  Position,
  Range,
  SchemaRequestService,
} from 'vscode-json-languageservice';
import { CompletionItemKind, DiagnosticSeverity, ErrorCode, getLanguageService, TextDocument } from 'vscode-json-languageservice';
import type { CheckSeverity, GalleryProblem } from './galleryChecks';
import { runGalleryChecks } from './galleryChecks';
import type { BodyFileVariant, GalleryResourceKind } from './resourceKinds';
import { bodyKindOfFileName, GALLERY_RESOURCE_KINDS } from './resourceKinds';
import { bodySchema, templateResourceSchema } from './schemaCatalog';
import { SOFT_SCHEMA_MESSAGES } from './schemaMessages';
import type { EditedSubtree, SubtreeValidation } from './subtreeValidation';
import { findEditedSubtree, SubtreeValidator } from './subtreeValidation';
import type { TemplateAnalysis, TemplateResource, TemplateUpdate, TextChange } from './templateResources';
import { analyzeTemplateText, composeChanges, findChange, resourceAtOffset, updateTemplateAnalysis, withPlace } from './templateResources';

export const DIAGNOSTIC_SOURCE = 'Azure Compute Gallery';

/**
 * The document as the service needs it. vscode-languageserver-textdocument's TextDocument fits; the extension layer
 * adapts vscode.TextDocument (whose line index VS Code already maintains) so positions cost nothing to convert.
 */
export interface ServiceDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export type DocumentRole =
  | { readonly role: 'template'; readonly analysis: TemplateAnalysis }
  | { readonly role: 'body'; readonly kind: GalleryResourceKind; readonly variant: BodyFileVariant; readonly root: Node | undefined }
  | { readonly role: 'none' };

export interface FeatureOptions {
  /**
   * Schema-driven completions, hover and diagnostics inside template resources (default true). Turn off when another
   * extension already offers them for the document; gallery checks and live values stay.
   */
  readonly schemaFeatures?: boolean;
}

/** Where a live value is asked for. */
export interface LiveValueRequest {
  readonly kind: GalleryResourceKind;
  /** Path of the value inside the resource object (template) or body, e.g. ["properties", "publishingProfile", "targetRegions", 0, "name"]. */
  readonly path: readonly (string | number)[];
  /** The template resource, when the document is a template. */
  readonly resource: TemplateResource | undefined;
  readonly documentUri: string;
}

/** One replaced range of a document edit, as VS Code reports it (TextDocumentContentChangeEvent). */
export interface ContentChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export interface LiveValue {
  readonly value: string;
  readonly label?: string;
  readonly detail?: string;
  readonly documentation?: string;
}

/** Values from Azure (regions, existing images, …) that the extension layer may offer next to the schema's. */
export interface LiveValueProvider {
  provideValues(request: LiveValueRequest): Promise<readonly LiveValue[]> | readonly LiveValue[];
}

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

/** Versions that may wait for an incremental analysis; beyond that the next analysis starts afresh. */
const MAX_PENDING_EDITS = 64;
/** Completions served from an older analysis before the analysis is brought up to date (well before the limit above). */
const MAX_UNANALYSED_COMPLETIONS = 16;

/** ARM templates are JSONC; the editor reports syntax problems, so only schema problems are kept here. */
const FIRST_SYNTAX_ERROR_CODE = 0x100;
/** How templates are parsed (JSONC), as in templateResources.ts. */
const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true } as const;

interface VirtualResource {
  readonly textDocument: TextDocument;
  readonly jsonDocument: JSONDocument;
}

interface RelativeDiagnostic {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  readonly severity: DiagnosticSeverity;
  readonly code: string;
}

interface CachedResourceDiagnostics {
  /** The day (for the end-of-life check) and feature set they were computed for. */
  readonly stamp: string;
  /** Absolute offsets in the text they were computed or carried over for. */
  readonly diagnostics: readonly RelativeDiagnostic[];
  /** The resource's text had syntax errors: how it reads may then depend on any edit inside it, even in a child. */
  readonly syntaxErrors: boolean;
  /** The language service's diagnostics alone, relative to the resource's start (undefined without schema features). */
  readonly schema: readonly RelativeDiagnostic[] | undefined;
}

/** Diagnostics of one resource's text, offsets relative to its start. */
interface ResourceValidation {
  readonly diagnostics: readonly RelativeDiagnostic[];
  readonly syntaxErrors: boolean;
  /** The language service's part of them, sorted, before the gallery checks replace some (undefined without schema features). */
  readonly schema: readonly RelativeDiagnostic[] | undefined;
}

/**
 * The last validated version of a resource an edit re-parsed (through any number of unvalidated versions): what an
 * edited resource's diagnostics are updated from, when only a part of it was edited.
 */
interface EditOrigin {
  readonly resource: TemplateResource;
  /** The document text `resource` and `cached` belong to. */
  readonly text: string;
  readonly cached: CachedResourceDiagnostics;
}

/** A parsed resource object (offsets relative to its start). */
interface ParsedResource {
  readonly node: Node;
  readonly syntaxErrors: boolean;
}

/** How each resource validation was done, for tests and the benchmark. */
export interface ValidationCounts {
  /** Whole resource objects validated by the JSON language service. */
  readonly resources: number;
  /** Edited values validated on their own, the rest of the resource's diagnostics kept. */
  readonly subtrees: number;
}

/** Not syntax errors for a JSONC template (allowed there); anything else may change how the text is read. */
const ALLOWED_SYNTAX_CODES: ReadonlySet<number> = new Set([ErrorCode.TrailingComma, ErrorCode.CommentNotPermitted]);

/** The analysis of one version of a template, with what was validated for it. */
interface AnalysedText {
  readonly text: string;
  readonly analysis: TemplateAnalysis;
  /** Diagnostics per resource id; carried to the next analysed version for resources whose text did not change. */
  readonly resourceDiagnostics: DiagnosticsById;
  /** For the resource the last edit re-parsed (by its new id): its last validated version. */
  readonly origins?: ReadonlyMap<number, EditOrigin>;
  /**
   * Every resource (not an `existing` reference) has diagnostics for `stamp` in resourceDiagnostics, except those in
   * `unvalidated`: then validation looks at those alone instead of walking every resource. Set by doValidation, and
   * carried through edits that only replaced resources.
   */
  complete?: { readonly stamp: string; unvalidated: TemplateResource[] };
}

interface DocumentEntry {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly bodyKind: { readonly kind: GalleryResourceKind; readonly variant: BodyFileVariant } | undefined;
  readonly body: { readonly kind: GalleryResourceKind; readonly variant: BodyFileVariant; readonly root: Node | undefined } | undefined;
  /** The analysis of this version, computed on first need (validation, classify). */
  analysed: AnalysedText | undefined;
  /** The version before this one, kept until this one is analysed: the analysis is updated edit by edit. */
  previous: DocumentEntry | undefined;
  /** The last doValidation result for this version. */
  validation?: { readonly stamp: string; readonly diagnostics: Diagnostic[] };
}

/** The resource a completion or hover request falls in, possibly located without updating the whole analysis. */
interface Located {
  readonly resource: TemplateResource;
  /** True when found from the previous version's analysis; the virtual document must confirm it. */
  readonly provisional: boolean;
}

function virtualUri(kind: GalleryResourceKind): string {
  return `acg-virtual://template/${kind}.acg-template.json`;
}

export class GalleryTemplateLanguageService {
  private readonly languageService: LanguageService;
  private readonly documents = new Map<string, DocumentEntry>();
  /** Edits the editor reported (didChange), per document, oldest first. */
  private readonly changes = new Map<string, { readonly version: number; readonly change: TextChange }[]>();
  private readonly virtualResources: LruCache<VirtualResource>;
  private readonly resourceDiagnostics: LruCache<ResourceValidation>;
  /** Resource objects the incremental analysis just parsed, by resource id, so validation need not parse them again. */
  private readonly parsedNodes = new LruCache<ParsedResource>(16);
  private readonly subtrees = new SubtreeValidator();
  /** A resource object parsed without syntax errors, for the analysis to patch instead of parsing again. */
  private readonly cleanParsedNode = (resourceId: number): Node | undefined => {
    const parsed = this.parsedNodes.get(String(resourceId));
    return parsed && !parsed.syntaxErrors ? parsed.node : undefined;
  };
  private counts = { resources: 0, subtrees: 0 };
  private readonly now: () => Date;
  private lastStamp: { readonly day: number; readonly schemaFeatures: boolean; readonly stamp: string } | undefined;

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
        fileMatch: [`${kind}.acg-template.json`],
        schema: templateResourceSchema(kind),
      })),
    });
    this.now = options.now ?? (() => new Date());
    const size = options.cacheSize ?? 500;
    this.virtualResources = new LruCache(size);
    this.resourceDiagnostics = new LruCache(size * 4);
  }

  /** What the document is to this service: an ARM template, a body file (by its name), or nothing of ours. */
  classify(document: ServiceDocument): DocumentRole {
    const entry = this.entry(document);
    if (entry.body) {
      return { role: 'body', ...entry.body };
    }
    const { analysis } = this.analysed(entry);
    return analysis.isTemplate && analysis.resources.length > 0 ? { role: 'template', analysis } : { role: 'none' };
  }

  /** The cache entry of this document version; cheap: the template analysis is deferred (see `analysed`). */
  private entry(document: ServiceDocument): DocumentEntry {
    const text = document.getText();
    const previous = this.documents.get(document.uri);
    if (previous && previous.version === document.version && previous.text === text) {
      return previous;
    }
    // Same URI, same file name: the body kind is decided once per document.
    const bodyKind = previous ? previous.bodyKind : bodyKindOfFileName(pathOf(document.uri));
    const entry: DocumentEntry = {
      uri: document.uri,
      version: document.version,
      text,
      bodyKind,
      body: bodyKind ? { ...bodyKind, root: parseTree(text, [], { allowTrailingComma: true }) } : undefined,
      analysed: undefined,
      previous,
    };
    // Same text under a new version number: same analysis and diagnostics. Not compared here (a second pass over a
    // large text on every keystroke): `analysed` finds it while looking for the change anyway.
    this.documents.set(document.uri, entry);
    return entry;
  }

  /**
   * The analysis of the entry's text, updated incrementally edit by edit from the last analysed version (each edit
   * usually re-parses only the resource it touched).
   */
  private analysed(entry: DocumentEntry): AnalysedText {
    if (entry.analysed) {
      return entry.analysed;
    }
    const chain: DocumentEntry[] = [];
    let start: DocumentEntry | undefined = entry;
    while (start && !start.analysed && chain.length < MAX_PENDING_EDITS) {
      chain.push(start);
      start = start.previous;
    }
    let current: AnalysedText | undefined = start?.analysed;
    let currentVersion = start?.version;
    for (const pending of chain.reverse()) {
      if (current?.analysis.isTemplate) {
        const known = currentVersion === undefined ? undefined : this.knownChange(pending.uri, currentVersion, pending.version, current.text, pending.text);
        const update = updateTemplateAnalysis(current.analysis, current.text, pending.text, this.cleanParsedNode, known);
        if (!update.change) {
          // Same text under a new version number: same analysis and diagnostics.
          if (!pending.validation && pending.previous?.analysed === current) {
            pending.validation = pending.previous.validation;
          }
        } else {
          // Before carryOver, which drops the re-parsed resource's diagnostics from the map it takes over.
          const origins = editOrigins(current, update);
          const carried = carryOver(current.resourceDiagnostics, update);
          const complete = carried.onlyReplaced ? stillComplete(current.complete, update) : undefined;
          current = { text: pending.text, analysis: update.analysis, resourceDiagnostics: carried.diagnostics, origins, complete };
        }
        if (update.reparsedNode) {
          this.parsedNodes.set(String(update.reparsedNode.resourceId), { node: update.reparsedNode.node, syntaxErrors: update.reparsedSyntaxErrors === true });
        }
        // Enclosing resources keep their ids but not their text: a node parsed for them earlier is stale.
        for (const id of update.enclosingIds ?? []) {
          this.parsedNodes.delete(String(id));
        }
      } else if (current && current.text === pending.text) {
        if (!pending.validation && pending.previous?.analysed === current) {
          pending.validation = pending.previous.validation;
        }
      } else {
        current = { text: pending.text, analysis: analyzeTemplateText(pending.text), resourceDiagnostics: new DiagnosticsById() };
      }
      pending.analysed = current;
      pending.previous = undefined;
      currentVersion = pending.version;
    }
    if (currentVersion !== undefined) {
      this.dropChangesUpTo(entry.uri, currentVersion);
    }
    return current ?? { text: entry.text, analysis: analyzeTemplateText(entry.text), resourceDiagnostics: new DiagnosticsById() };
  }

  /** The latest analysed version at or before this entry, if any. */
  private static lastAnalysed(entry: DocumentEntry): DocumentEntry | undefined {
    let current: DocumentEntry | undefined = entry;
    for (let steps = 0; current && steps <= MAX_UNANALYSED_COMPLETIONS; steps++) {
      if (current.analysed) {
        return current;
      }
      current = current.previous;
    }
    return undefined;
  }

  /**
   * The resource at `offset`. Before the entry is analysed (typing, then asking for completions), it is found from the
   * last analysed version and the edit alone, when the edit lies inside that resource or away from it: only the
   * resource near the cursor is looked at. Otherwise the analysis is updated.
   */
  private locate(entry: DocumentEntry, offset: number): Located | undefined {
    const baseEntry = GalleryTemplateLanguageService.lastAnalysed(entry);
    const base = baseEntry?.analysed;
    if (baseEntry && !entry.analysed && base?.analysis.isTemplate) {
      const change = this.knownChange(entry.uri, baseEntry.version, entry.version, base.text, entry.text) ?? findChange(base.text, entry.text);
      if (!change) {
        const resource = resourceAtOffset(base.analysis, offset);
        return resource && { resource, provisional: false };
      }
      const delta = change.newEnd - change.oldEnd;
      const oldOffset = offset < change.start ? offset : offset >= change.newEnd ? offset - delta : change.start;
      const old = resourceAtOffset(base.analysis, oldOffset);
      if (old) {
        const oldEnd = old.offset + old.length;
        if (oldEnd <= change.start) {
          return { resource: old, provisional: true };
        }
        if (old.offset >= change.oldEnd) {
          return { resource: withPlace(old, old.id, old.offset + delta, old.length, undefined), provisional: true };
        }
        if (old.offset < change.start && change.oldEnd < oldEnd - 1) {
          return { resource: withPlace(old, old.id, old.offset, old.length + delta, undefined), provisional: true };
        }
      }
    }
    const resource = resourceAtOffset(this.analysed(entry).analysis, offset);
    return resource && { resource, provisional: false };
  }

  /**
   * The virtual document of the resource at `offset`, confirmed: a provisional location is accepted only if the text
   * still holds one object of the same type there and the offset is not inside a nested child resource.
   */
  private virtualAt(entry: DocumentEntry, offset: number): { resource: TemplateResource; virtual: VirtualResource } | undefined {
    const located = this.locate(entry, offset);
    if (!located) {
      return undefined;
    }
    const virtual = this.virtualResource(entry.text, located.resource);
    if (!located.provisional || confirms(virtual, located.resource, offset - located.resource.offset)) {
      return { resource: located.resource, virtual };
    }
    const resource = resourceAtOffset(this.analysed(entry).analysis, offset);
    return resource && { resource, virtual: this.virtualResource(entry.text, resource) };
  }

  /** The gallery resources of a template (empty for other documents). */
  templateResources(document: ServiceDocument): readonly TemplateResource[] {
    const entry = this.entry(document);
    return entry.body ? [] : this.analysed(entry).analysis.resources;
  }

  /** Forget a closed document. */
  forget(uri: string): void {
    this.documents.delete(uri);
    this.changes.delete(uri);
  }

  /**
   * What the editor reports of an edit (optional): the document's new version and the ranges replaced, applied in
   * order. With it, an edit of a large template costs what the edit touches, not a comparison of the whole text.
   */
  didChange(uri: string, version: number, changes: readonly ContentChange[]): void {
    if (!this.documents.has(uri)) {
      return; // not seen yet: there is no earlier analysis to update
    }
    let combined: TextChange | undefined;
    for (const change of changes) {
      const step = { start: change.rangeOffset, oldEnd: change.rangeOffset + change.rangeLength, newEnd: change.rangeOffset + change.text.length };
      combined = combined ? composeChanges(combined, step) : step;
    }
    if (!combined) {
      return;
    }
    let list = this.changes.get(uri);
    if (!list) {
      list = [];
      this.changes.set(uri, list);
    }
    list.push({ version, change: combined });
    if (list.length > MAX_PENDING_EDITS) {
      list.shift();
    }
  }

  /**
   * The change from version `from` to version `to` of a document, from what didChange recorded for every version in
   * between; undefined when a version is missing or the lengths disagree (then the texts are compared instead).
   */
  private knownChange(uri: string, from: number, to: number, fromText: string, toText: string): TextChange | undefined {
    const list = this.changes.get(uri);
    if (!list || to <= from) {
      return undefined;
    }
    let combined: TextChange | undefined;
    let expected = from + 1;
    for (const { version, change } of list) {
      if (version <= from) {
        continue;
      }
      if (version !== expected) {
        return undefined;
      }
      combined = combined ? composeChanges(combined, change) : change;
      if (version === to) {
        const consistent =
          combined.start >= 0 &&
          combined.start <= combined.oldEnd &&
          combined.start <= combined.newEnd &&
          combined.oldEnd <= fromText.length &&
          toText.length - fromText.length === combined.newEnd - combined.oldEnd;
        return consistent ? combined : undefined;
      }
      expected++;
    }
    return undefined;
  }

  /** Recorded changes up to an analysed version are not needed any more. */
  private dropChangesUpTo(uri: string, version: number): void {
    const list = this.changes.get(uri);
    if (list && list.length > 0 && (list[0]?.version ?? Infinity) <= version) {
      const kept = list.filter((recorded) => recorded.version > version);
      this.changes.set(uri, kept);
    }
  }

  async doComplete(document: ServiceDocument, position: Position, features: FeatureOptions = {}): Promise<CompletionList | null> {
    const entry = this.entry(document);
    const offset = document.offsetAt(position);
    if (entry.body) {
      const items = await this.liveValueItems(entry.body.kind, undefined, entry.text, offset, document, 0);
      return items.length ? { isIncomplete: false, items } : null;
    }
    const found = this.virtualAt(entry, offset);
    if (!found || found.resource.existing) {
      return null;
    }
    const { resource, virtual } = found;
    const virtualOffset = offset - resource.offset;
    const items: CompletionItem[] = [];
    let isIncomplete = false;
    if (features.schemaFeatures !== false) {
      const list = await this.languageService.doComplete(virtual.textDocument, virtual.textDocument.positionAt(virtualOffset), virtual.jsonDocument);
      if (list) {
        isIncomplete = list.isIncomplete;
        for (const item of list.items) {
          items.push(mapCompletionItem(item, virtual.textDocument, document, resource.offset));
        }
      }
    }
    items.push(...(await this.liveValueItems(resource.kind, resource, virtual.textDocument.getText(), virtualOffset, document, resource.offset)));
    return items.length || isIncomplete ? { isIncomplete, items } : null;
  }

  async doHover(document: ServiceDocument, position: Position, features: FeatureOptions = {}): Promise<Hover | null> {
    const entry = this.entry(document);
    if (features.schemaFeatures === false || entry.body) {
      return null;
    }
    const offset = document.offsetAt(position);
    const found = this.virtualAt(entry, offset);
    if (!found || found.resource.existing) {
      return null;
    }
    const { resource, virtual } = found;
    const hover = await this.languageService.doHover(virtual.textDocument, virtual.textDocument.positionAt(offset - resource.offset), virtual.jsonDocument);
    if (!hover) {
      return null;
    }
    return hover.range ? { ...hover, range: mapRange(hover.range, virtual.textDocument, document, resource.offset) } : hover;
  }

  async doValidation(document: ServiceDocument, features: FeatureOptions = {}): Promise<Diagnostic[]> {
    const entry = this.entry(document);
    if (entry.body) {
      const root = entry.body.root;
      if (!root || root.type !== 'object') {
        return [];
      }
      const problems = runGalleryChecks({ kind: entry.body.kind, resource: root, schema: bodySchema(entry.body.kind), now: this.now() });
      return problems.map((problem) => toDiagnostic(document, problem.offset, problem.length, problem.message, severityOf(problem.severity), problem.code));
    }
    const schemaFeatures = features.schemaFeatures !== false;
    const stamp = this.stamp(schemaFeatures);
    if (entry.validation?.stamp === stamp) {
      return entry.validation.diagnostics;
    }
    const analysed = this.analysed(entry);
    if (entry.validation?.stamp === stamp) {
      return entry.validation.diagnostics; // same text as the version before, validated already
    }
    const perResource = analysed.resourceDiagnostics;
    const complete = analysed.complete;
    // After an edit, only the resources it added lack diagnostics; otherwise (first time, a new day, another feature
    // set, an edit that moved stale entries) every resource is looked at, most of them answered from the cache.
    const toValidate = complete?.stamp === stamp ? complete.unvalidated : analysed.analysis.resources;
    for (let i = 0; i < toValidate.length; i++) {
      const resource = toValidate[i];
      if (resource.existing) {
        continue;
      }
      const cached = perResource.get(resource.id);
      if (cached === undefined || cached.stamp !== stamp) {
        const validation = await this.validateResource(entry.text, resource, schemaFeatures, stamp, analysed.origins?.get(resource.id));
        perResource.set(resource.id, { stamp, diagnostics: validation.diagnostics, syntaxErrors: validation.syntaxErrors, schema: validation.schema });
      }
    }
    if (perResource.retired) {
      // A newer version was analysed meanwhile and took the diagnostics over: this version's answer is outdated anyway.
      return this.doValidation(document, features);
    }
    analysed.complete = { stamp, unvalidated: [] };
    const problems: RelativeDiagnostic[] = [];
    perResource.forEachWithProblems((cached) => {
      for (const problem of cached.diagnostics) {
        problems.push(problem);
      }
    });
    problems.sort(byPosition);
    const diagnostics = problems.map((problem) => toDiagnostic(document, problem.offset, problem.length, problem.message, problem.severity, problem.code));
    entry.validation = { stamp, diagnostics };
    return diagnostics;
  }

  /**
   * What diagnostics are computed for: the day (end-of-life check) and the feature set. The same string object while
   * they stay the same, so comparing it with every resource's cached stamp is a pointer comparison.
   */
  private stamp(schemaFeatures: boolean): string {
    const day = Math.floor(this.now().getTime() / 86_400_000);
    const last = this.lastStamp;
    if (last && last.day === day && last.schemaFeatures === schemaFeatures) {
      return last.stamp;
    }
    const stamp = `${day}|${schemaFeatures ? 'schema' : 'checks'}`;
    this.lastStamp = { day, schemaFeatures, stamp };
    return stamp;
  }

  /** How resources were validated since the service was created (tests and the benchmark read it). */
  validationCounts(): ValidationCounts {
    return { ...this.counts };
  }

  /**
   * Diagnostics of one resource, with absolute offsets; shared between documents by the resource's text. When an edit
   * changed one value of the resource since `origin` was validated, only that value is validated again.
   */
  private async validateResource(
    text: string,
    resource: TemplateResource,
    schemaFeatures: boolean,
    stamp: string,
    origin: EditOrigin | undefined,
  ): Promise<ResourceValidation> {
    const resourceText = text.slice(resource.offset, resource.offset + resource.length);
    // An edited resource is updated from its previous version (cheaper than looking its whole text up, too).
    let relative = schemaFeatures && origin ? await this.revalidateEdit(resourceText, resource, origin, stamp) : undefined;
    if (!relative) {
      const key = `${stamp}|${resource.kind}|${resource.nested ? 'nested' : 'top'}|${resource.declaredType}|${resourceText}`;
      relative = this.resourceDiagnostics.get(key);
      if (!relative) {
        relative = await this.computeResourceDiagnostics(text, resource, schemaFeatures);
        this.resourceDiagnostics.set(key, relative);
      }
    }
    const shift = (problem: RelativeDiagnostic): RelativeDiagnostic => ({ ...problem, offset: problem.offset + resource.offset });
    return { diagnostics: relative.diagnostics.map(shift), syntaxErrors: relative.syntaxErrors, schema: relative.schema };
  }

  /** Offsets relative to the resource's start. */
  private async computeResourceDiagnostics(text: string, resource: TemplateResource, schemaFeatures: boolean): Promise<ResourceValidation> {
    const parseErrors: ParseError[] = [];
    const parsed = this.parsedNodes.get(String(resource.id));
    // Offsets relative to the resource. Parsed here when not just parsed by the analysis, or to learn about syntax errors.
    const node = parsed && schemaFeatures ? parsed.node : parseTree(text.slice(resource.offset, resource.offset + resource.length), parseErrors, PARSE_OPTIONS);
    let syntaxErrors = parseErrors.length > 0;
    let schema: RelativeDiagnostic[] | undefined;
    if (schemaFeatures) {
      this.counts.resources++;
      schema = [];
      const virtual = this.virtualResource(text, resource);
      const found = await this.languageService.doValidation(virtual.textDocument, virtual.jsonDocument, {
        comments: 'ignore',
        trailingCommas: 'ignore',
        schemaValidation: 'error',
        schemaRequest: 'ignore',
      });
      for (const diagnostic of found) {
        if (typeof diagnostic.code === 'number' && diagnostic.code >= FIRST_SYNTAX_ERROR_CODE) {
          syntaxErrors ||= !ALLOWED_SYNTAX_CODES.has(diagnostic.code);
          continue;
        }
        const start = virtual.textDocument.offsetAt(diagnostic.range.start);
        schema.push(schemaDiagnostic(start, virtual.textDocument.offsetAt(diagnostic.range.end) - start, diagnostic));
      }
      schema.sort(byPosition);
    }
    return this.withChecks(resource, node, schema, syntaxErrors);
  }

  /**
   * The diagnostics of an edited resource from those of its last validated version, when the edit lies inside one
   * value reached through transparent schemas (subtreeValidation.ts); undefined when the whole resource must be
   * validated instead (syntax errors, another kind or declaration, a structural edit, nothing cached).
   */
  private async revalidateEdit(resourceText: string, resource: TemplateResource, origin: EditOrigin, stamp: string): Promise<ResourceValidation | undefined> {
    const { cached, resource: before } = origin;
    const parsed = this.parsedNodes.get(String(resource.id));
    if (
      cached.stamp !== stamp ||
      cached.syntaxErrors ||
      !cached.schema ||
      !parsed ||
      parsed.syntaxErrors ||
      before.kind !== resource.kind ||
      before.nested !== resource.nested ||
      before.declaredType !== resource.declaredType ||
      before.existing !== resource.existing
    ) {
      return undefined;
    }
    const beforeText = origin.text.slice(before.offset, before.offset + before.length);
    const change = findChange(beforeText, resourceText);
    if (!change) {
      return this.withChecks(resource, parsed.node, cached.schema, false);
    }
    const beforeParsed = this.parsedNodes.get(String(before.id)) ?? parsedResource(beforeText);
    if (!beforeParsed || beforeParsed.syntaxErrors) {
      return undefined;
    }
    const rootSchema = templateResourceSchema(resource.kind);
    const subtree = findEditedSubtree(rootSchema, beforeParsed.node, parsed.node, change);
    const validation = subtree && (await this.subtrees.validate(resource.kind, rootSchema, resourceText, subtree));
    const schema = subtree && validation && mergeSubtreeDiagnostics(cached.schema, subtree, validation);
    if (!schema || !validation) {
      return undefined;
    }
    this.counts.subtrees++;
    return this.withChecks(resource, parsed.node, schema, validation.syntaxCodes.some((code) => !ALLOWED_SYNTAX_CODES.has(code)));
  }

  /** The resource's diagnostics: the schema's (where a gallery check does not say it better) and the gallery checks. */
  private withChecks(resource: TemplateResource, node: Node | undefined, schema: readonly RelativeDiagnostic[] | undefined, syntaxErrors: boolean): ResourceValidation {
    const checks: GalleryProblem[] = node
      ? runGalleryChecks({
          kind: resource.kind,
          resource: node,
          template: { nested: resource.nested, declaredType: resource.declaredType },
          schema: templateResourceSchema(resource.kind),
          now: this.now(),
        })
      : [];
    // The precise name messages replace the schema's generic pattern message on the same node.
    const replaced = new Set(checks.filter((check) => check.code === 'imageVersionName' || check.code === 'nameSegments').map((check) => check.offset));
    const diagnostics: RelativeDiagnostic[] = [];
    for (const problem of schema ?? []) {
      if (!replaced.has(problem.offset)) {
        diagnostics.push(problem);
      }
    }
    for (const check of checks) {
      diagnostics.push({ offset: check.offset, length: check.length, message: check.message, severity: severityOf(check.severity), code: check.code });
    }
    return { diagnostics, syntaxErrors, schema };
  }

  private virtualResource(documentText: string, resource: TemplateResource): VirtualResource {
    const text = documentText.slice(resource.offset, resource.offset + resource.length);
    const key = `${resource.kind}|${text}`;
    let virtual = this.virtualResources.get(key);
    if (!virtual) {
      const textDocument = TextDocument.create(virtualUri(resource.kind), 'json', 1, text);
      virtual = { textDocument, jsonDocument: this.languageService.parseJSONDocument(textDocument) };
      this.virtualResources.set(key, virtual);
    }
    return virtual;
  }

  private async liveValueItems(
    kind: GalleryResourceKind,
    resource: TemplateResource | undefined,
    text: string,
    offset: number,
    document: ServiceDocument,
    base: number,
  ): Promise<CompletionItem[]> {
    const provider = this.options.liveValues;
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

function severityOf(severity: CheckSeverity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
  }
}

function toDiagnostic(document: ServiceDocument, offset: number, length: number, message: string, severity: DiagnosticSeverity, code: string): Diagnostic {
  return {
    range: { start: document.positionAt(offset), end: document.positionAt(offset + length) },
    message,
    severity,
    code,
    source: DIAGNOSTIC_SOURCE,
  };
}

function mapRange(range: Range, from: TextDocument, to: ServiceDocument, base: number): Range {
  return { start: to.positionAt(base + from.offsetAt(range.start)), end: to.positionAt(base + from.offsetAt(range.end)) };
}

type CompletionEdit = NonNullable<CompletionItem['textEdit']>;
type InsertReplaceEdit = Extract<CompletionEdit, { insert: Range }>;

function isInsertReplaceEdit(edit: CompletionEdit): edit is InsertReplaceEdit {
  return 'insert' in edit;
}

function mapCompletionItem(item: CompletionItem, from: TextDocument, to: ServiceDocument, base: number): CompletionItem {
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

function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

function schemaDiagnostic(offset: number, length: number, diagnostic: Diagnostic): RelativeDiagnostic {
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const severity = SOFT_SCHEMA_MESSAGES.has(message) ? DiagnosticSeverity.Warning : (diagnostic.severity ?? DiagnosticSeverity.Error);
  return { offset, length, message, severity, code: 'schema' };
}

/** Document order, then a fixed order for problems on the same range, so every way of computing them agrees. */
function byPosition(a: RelativeDiagnostic, b: RelativeDiagnostic): number {
  return a.offset - b.offset || a.length - b.length || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

function parsedResource(text: string): ParsedResource | undefined {
  const errors: ParseError[] = [];
  const node = parseTree(text, errors, PARSE_OPTIONS);
  return node && { node, syntaxErrors: errors.length > 0 };
}

/**
 * The schema diagnostics of an edited resource: those of its previous version outside the re-validated part (moved
 * by the edit's length when after it, stretched when around it) and the re-validated part's own. Undefined if an old
 * diagnostic straddles the part's boundary, which a tree of values cannot produce: validate the resource instead.
 */
function mergeSubtreeDiagnostics(before: readonly RelativeDiagnostic[], subtree: EditedSubtree, validation: SubtreeValidation): RelativeDiagnostic[] | undefined {
  const delta = subtree.end - subtree.oldEnd;
  const merged: RelativeDiagnostic[] = [];
  for (const problem of before) {
    const end = problem.offset + problem.length;
    if (end <= subtree.start) {
      merged.push(problem);
    } else if (problem.offset >= subtree.oldEnd) {
      merged.push({ ...problem, offset: problem.offset + delta });
    } else if (problem.offset >= subtree.start && end <= subtree.oldEnd) {
      // inside the re-validated part: replaced below
    } else if (problem.offset <= subtree.start && end >= subtree.oldEnd) {
      merged.push({ ...problem, length: problem.length + delta });
    } else {
      return undefined;
    }
  }
  for (const found of validation.diagnostics) {
    merged.push(schemaDiagnostic(found.offset, found.length, found.diagnostic));
  }
  merged.sort(byPosition);
  // The language service reports a message once per position; so does the merged list.
  return merged.filter((problem, i) => i === 0 || problem.offset !== merged[i - 1].offset || problem.message !== merged[i - 1].message);
}

/** The last validated version of the resource `update` re-parsed, if any: its own, or the one it came from. */
function editOrigins(current: AnalysedText, update: TemplateUpdate): ReadonlyMap<number, EditOrigin> | undefined {
  const reparsed = update.reparsedNode;
  if (!reparsed) {
    return undefined;
  }
  const cached = current.resourceDiagnostics.get(reparsed.previous.id);
  const origin = cached?.schema ? { resource: reparsed.previous, text: current.text, cached } : current.origins?.get(reparsed.previous.id);
  return origin && new Map([[reparsed.resourceId, origin]]);
}

/**
 * Keeps the diagnostics of resources that survived an edit (same id), moving those after the edit by its length.
 * Resources whose text changed got new ids and are validated again. Takes over `previous` (the map of the version
 * being replaced, which is not used again) instead of copying it: this runs on every keystroke.
 */
function carryOver(previous: DiagnosticsById, update: TemplateUpdate): { diagnostics: DiagnosticsById; onlyReplaced: boolean } {
  const change = update.change;
  if (!change) {
    return { diagnostics: previous, onlyReplaced: true };
  }
  if (update.replacedIds === 'all') {
    return { diagnostics: new DiagnosticsById(), onlyReplaced: false };
  }
  previous = previous.takeOver();
  let onlyReplaced = true;
  const delta = change.newEnd - change.oldEnd;
  for (const id of update.replacedIds) {
    previous.delete(id);
  }
  // Enclosing resources read their children's text too: with syntax errors before or after the edit, how the
  // enclosing text parses (and so what is reported there) may change. Without, a child's content is not theirs to check.
  for (const id of update.enclosingIds ?? []) {
    if (update.reparsedSyntaxErrors || previous.get(id)?.syntaxErrors) {
      previous.delete(id);
      onlyReplaced = false;
    }
  }
  // Only resources with problems have anything to move.
  previous.forEachWithProblems((cached, id) => {
    if (cached.diagnostics.some((d) => d.offset < change.oldEnd && d.offset + d.length > change.start)) {
      previous.delete(id); // touched by the edit (cannot happen for an unchanged resource, but stay safe)
      onlyReplaced = false;
    } else if (delta !== 0 && cached.diagnostics.some((d) => d.offset >= change.oldEnd)) {
      previous.set(id, {
        stamp: cached.stamp,
        syntaxErrors: cached.syntaxErrors,
        schema: cached.schema,
        diagnostics: cached.diagnostics.map((d) => (d.offset >= change.oldEnd ? { ...d, offset: d.offset + delta } : d)),
      });
    }
  });
  return { diagnostics: previous, onlyReplaced };
}

/**
 * Whether the analysis after `update` still has diagnostics for every resource but a known few: those the edit added,
 * and earlier unvalidated ones it neither replaced nor moved (a moved resource is a new object with the same id).
 */
function stillComplete(previous: AnalysedText['complete'], update: TemplateUpdate): AnalysedText['complete'] {
  const change = update.change;
  if (!previous || !change || update.replacedIds === 'all' || !update.added) {
    return change ? undefined : previous;
  }
  const moves = change.newEnd !== change.oldEnd;
  const unvalidated: TemplateResource[] = [];
  for (const resource of previous.unvalidated) {
    if (update.replacedIds.has(resource.id)) {
      continue;
    }
    if (moves && resource.offset + resource.length >= change.oldEnd) {
      return undefined;
    }
    unvalidated.push(resource);
  }
  unvalidated.push(...update.added);
  return { stamp: previous.stamp, unvalidated };
}

/** Cached diagnostics per resource id, knowing which have any (an edit moves only those). */
class DiagnosticsById {
  private entries = new Map<number, CachedResourceDiagnostics>();
  private withProblems = new Set<number>();
  private retiredFlag = false;

  /**
   * The entries, moved to a new owner (the next version's analysis) without copying. This one is left empty and
   * retired: a validation of the old version still running writes nowhere that matters, and can tell.
   */
  takeOver(): DiagnosticsById {
    const next = new DiagnosticsById();
    next.entries = this.entries;
    next.withProblems = this.withProblems;
    this.entries = new Map();
    this.withProblems = new Set();
    this.retiredFlag = true;
    return next;
  }

  get retired(): boolean {
    return this.retiredFlag;
  }

  get(id: number): CachedResourceDiagnostics | undefined {
    return this.entries.get(id);
  }

  set(id: number, cached: CachedResourceDiagnostics): void {
    this.entries.set(id, cached);
    if (cached.diagnostics.length > 0) {
      this.withProblems.add(id);
    } else {
      this.withProblems.delete(id);
    }
  }

  delete(id: number): void {
    this.entries.delete(id);
    this.withProblems.delete(id);
  }

  /** Visits the entries with diagnostics; the callback may set or delete the visited entry. */
  forEachWithProblems(visit: (cached: CachedResourceDiagnostics, id: number) => void): void {
    for (const id of [...this.withProblems]) {
      const cached = this.entries.get(id);
      if (cached) {
        visit(cached, id);
      }
    }
  }
}

/** A small least-recently-used map. */
class LruCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        this.entries.delete(oldest.value);
      }
    }
  }
}
