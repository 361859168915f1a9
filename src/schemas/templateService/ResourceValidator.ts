/**
 * Diagnostics of one gallery resource of a template: the JSON language service's schema problems on the resource's
 * virtual document, and the gallery checks (galleryChecks.ts). Shared between documents by the resource's text; an
 * edited resource is updated from its last validated version, validating only the edited value when the schema
 * allows (subtreeValidation.ts).
 */
import type { Node } from 'jsonc-parser';
import type { LanguageService } from 'vscode-json-languageservice';
import { ErrorCode } from 'vscode-json-languageservice';
import type { GalleryProblem } from '../galleryChecks';
import { runGalleryChecks } from '../galleryChecks';
import { templateResourceSchema } from '../schemaCatalog';
import type { EditedSubtree, SubtreeValidation } from '../subtreeValidation';
import { findEditedSubtree, SubtreeValidator } from '../subtreeValidation';
import type { TemplateResource } from '../templateResources';
import { findChange } from '../templateResources';
import { LruCache } from './LruCache';
import type { ParsedResources } from './ParsedResources';
import { parsedResource, parseResourceText } from './ParsedResources';
import type { RelativeDiagnostic } from './relativeDiagnostics';
import { byPosition, schemaDiagnostic, severityOf } from './relativeDiagnostics';
import type { ValidationCounts } from './serviceTypes';
import type { EditOrigin } from './validationCache';
import type { VirtualResources } from './VirtualResources';

/** ARM templates are JSONC; the editor reports syntax problems, so only schema problems are kept here. */
const FIRST_SYNTAX_ERROR_CODE = 0x100;

/** Not syntax errors for a JSONC template (allowed there); anything else may change how the text is read. */
const ALLOWED_SYNTAX_CODES: ReadonlySet<number> = new Set([ErrorCode.TrailingComma, ErrorCode.CommentNotPermitted]);

/** Diagnostics of one resource's text, offsets relative to its start. */
export interface ResourceValidation {
  readonly diagnostics: readonly RelativeDiagnostic[];
  readonly syntaxErrors: boolean;
  /** The language service's part of them, sorted, before the gallery checks replace some (undefined without schema features). */
  readonly schema: readonly RelativeDiagnostic[] | undefined;
}

export class ResourceValidator {
  private readonly cache: LruCache<ResourceValidation>;
  private readonly subtrees = new SubtreeValidator();
  private counts = { resources: 0, subtrees: 0 };

  constructor(
    private readonly languageService: LanguageService,
    private readonly virtualResources: VirtualResources,
    private readonly parsedResources: ParsedResources,
    private readonly now: () => Date,
    cacheSize: number,
  ) {
    this.cache = new LruCache(cacheSize);
  }

  /** How resources were validated since the service was created (tests and the benchmark read it). */
  validationCounts(): ValidationCounts {
    return { ...this.counts };
  }

  /**
   * Diagnostics of one resource, with absolute offsets; shared between documents by the resource's text. When an edit
   * changed one value of the resource since `origin` was validated, only that value is validated again.
   */
  async validate(text: string, resource: TemplateResource, schemaFeatures: boolean, stamp: string, origin: EditOrigin | undefined): Promise<ResourceValidation> {
    const resourceText = text.slice(resource.offset, resource.offset + resource.length);
    // An edited resource is updated from its previous version (cheaper than looking its whole text up, too).
    let relative = schemaFeatures && origin ? await this.revalidateEdit(resourceText, resource, origin, stamp) : undefined;
    if (!relative) {
      const key = `${stamp}|${resource.kind}|${resource.nested ? 'nested' : 'top'}|${resource.declaredType}|${resourceText}`;
      relative = this.cache.get(key);
      if (!relative) {
        relative = await this.computeResourceDiagnostics(text, resource, schemaFeatures);
        this.cache.set(key, relative);
      }
    }
    const shift = (problem: RelativeDiagnostic): RelativeDiagnostic => ({ ...problem, offset: problem.offset + resource.offset });
    return { diagnostics: relative.diagnostics.map(shift), syntaxErrors: relative.syntaxErrors, schema: relative.schema };
  }

  /** Offsets relative to the resource's start. */
  private async computeResourceDiagnostics(text: string, resource: TemplateResource, schemaFeatures: boolean): Promise<ResourceValidation> {
    const parsed = this.parsedResources.get(resource.id);
    // Offsets relative to the resource. Parsed here when not just parsed by the analysis, or to learn about syntax errors.
    const fresh = parsed && schemaFeatures ? undefined : parseResourceText(text.slice(resource.offset, resource.offset + resource.length));
    const node = fresh ? fresh.node : parsed?.node;
    let syntaxErrors = fresh?.syntaxErrors ?? false;
    let schema: RelativeDiagnostic[] | undefined;
    if (schemaFeatures) {
      this.counts.resources++;
      schema = [];
      const virtual = this.virtualResources.of(text, resource);
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
    const parsed = this.parsedResources.get(resource.id);
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
    const beforeParsed = this.parsedResources.get(before.id) ?? parsedResource(beforeText);
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
