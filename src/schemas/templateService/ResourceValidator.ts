/**
 * Diagnostics of one gallery resource of a template: the JSON language service's schema problems on the resource's
 * virtual document, and the gallery checks (galleryChecks.ts). Shared between documents by the resource's text; an
 * edited resource is updated from its last validated version, validating only the edited value when the schema
 * allows (subtreeValidation.ts).
 */
import type { Node } from 'jsonc-parser';
import type { LanguageService } from 'vscode-json-languageservice';
import { ErrorCode } from 'vscode-json-languageservice';
import type { GalleryCheckGroup } from '../galleryChecks';
import { checksAffectedByEdit, runGalleryChecks } from '../galleryChecks';
import { templateResourceSchema } from '../schemaCatalog';
import type { EditedSubtree, SubtreeValidation } from '../subtreeValidation';
import { findEditedSubtree, SubtreeValidator } from '../subtreeValidation';
import type { TemplateResource, TextChange } from '../templateResources';
import { findChange } from '../templateResources';
import { LruCache } from './LruCache';
import type { ParsedResources } from './ParsedResources';
import { parsedResource, parseResourceText } from './ParsedResources';
import type { RelativeDiagnostic } from './relativeDiagnostics';
import { byPosition, placedAt, schemaDiagnostic, severityOf } from './relativeDiagnostics';
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
  /** The gallery checks' part of them, relative to the resource's start. */
  readonly checks: readonly RelativeDiagnostic[];
}

export class ResourceValidator {
  private readonly cache: LruCache<ResourceValidation>;
  private readonly subtrees = new SubtreeValidator();
  private counts = { resources: 0, subtrees: 0, partialChecks: 0 };

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
    const diagnostics: RelativeDiagnostic[] = new Array<RelativeDiagnostic>(relative.diagnostics.length);
    for (let i = 0; i < diagnostics.length; i++) {
      const problem = relative.diagnostics[i];
      diagnostics[i] = placedAt(problem, problem.offset + resource.offset, problem.length);
    }
    return { diagnostics, syntaxErrors: relative.syntaxErrors, schema: relative.schema, checks: relative.checks };
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
    return withChecks(schema, this.runChecks(resource, node), syntaxErrors);
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
    const change = relativeChange(origin, resource) ?? findChange(beforeText, resourceText);
    if (!change) {
      return withChecks(cached.schema, cached.checks, false);
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
    const checks = this.checksAfterEdit(resource, parsed.node, cached.checks, subtree);
    return withChecks(schema, checks, validation.syntaxCodes.some((code) => !ALLOWED_SYNTAX_CODES.has(code)));
  }

  /**
   * The gallery checks of an edited resource: those of its previous version whose inputs the edited value is not
   * part of (galleryChecks.ts `checksAffectedByEdit`), moved by the edit, and the others run again on the new tree.
   * All of them when one of the kept problems would overlap the edited value.
   */
  private checksAfterEdit(resource: TemplateResource, node: Node, before: readonly RelativeDiagnostic[], subtree: EditedSubtree): readonly RelativeDiagnostic[] {
    const scalar = subtree.valueType !== 'object' && subtree.valueType !== 'array';
    const affected = checksAffectedByEdit(subtree.path, scalar);
    const delta = subtree.end - subtree.oldEnd;
    const checks: RelativeDiagnostic[] = [];
    for (const problem of before) {
      if (affected.codes.has(problem.code)) {
        continue;
      }
      if (problem.offset >= subtree.oldEnd) {
        checks.push(delta === 0 ? problem : placedAt(problem, problem.offset + delta, problem.length));
      } else if (problem.offset + problem.length <= subtree.valueOffset) {
        checks.push(problem);
      } else {
        return this.runChecks(resource, node); // cannot happen for a check not reading the value; stay safe
      }
    }
    if (affected.groups.size > 0) {
      for (const problem of this.runChecks(resource, node, affected.groups)) {
        checks.push(problem);
      }
    }
    this.counts.partialChecks++;
    return checks;
  }

  /** The gallery checks of `groups` (all by default) on the resource's tree, offsets relative to its start. */
  private runChecks(resource: TemplateResource, node: Node | undefined, groups?: ReadonlySet<GalleryCheckGroup>): RelativeDiagnostic[] {
    if (!node) {
      return [];
    }
    const context = {
      kind: resource.kind,
      resource: node,
      template: { nested: resource.nested, declaredType: resource.declaredType },
      schema: templateResourceSchema(resource.kind),
      now: this.now(),
    };
    const problems = runGalleryChecks(context, groups);
    const checks: RelativeDiagnostic[] = new Array<RelativeDiagnostic>(problems.length);
    for (let i = 0; i < problems.length; i++) {
      const problem = problems[i];
      checks[i] = { offset: problem.offset, length: problem.length, message: problem.message, severity: severityOf(problem.severity), code: problem.code };
    }
    return checks;
  }
}

/** The resource's diagnostics: the schema's (where a gallery check does not say it better) and the gallery checks. */
function withChecks(schema: readonly RelativeDiagnostic[] | undefined, checks: readonly RelativeDiagnostic[], syntaxErrors: boolean): ResourceValidation {
  // The precise name messages replace the schema's generic pattern message on the same node.
  let replaced: Set<number> | undefined;
  for (const check of checks) {
    if (check.code === 'imageVersionName' || check.code === 'nameSegments') {
      (replaced ??= new Set()).add(check.offset);
    }
  }
  const diagnostics: RelativeDiagnostic[] = [];
  for (const problem of schema ?? []) {
    if (!replaced?.has(problem.offset)) {
      diagnostics.push(problem);
    }
  }
  for (const check of checks) {
    diagnostics.push(check);
  }
  return { diagnostics, syntaxErrors, schema, checks };
}

/**
 * The edits since the origin, relative to the resource's start, when they lie inside it (as the analysis found them);
 * undefined otherwise (then the texts are compared).
 */
function relativeChange(origin: EditOrigin, resource: TemplateResource): TextChange | undefined {
  const { change, resource: before } = origin;
  const base = resource.offset;
  const inside =
    before.offset === base &&
    change.start > base &&
    change.start <= change.oldEnd &&
    change.start <= change.newEnd &&
    change.oldEnd < base + before.length &&
    change.newEnd < base + resource.length &&
    resource.length - before.length === change.newEnd - change.oldEnd;
  return inside ? { start: change.start - base, oldEnd: change.oldEnd - base, newEnd: change.newEnd - base } : undefined;
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
      merged.push(placedAt(problem, problem.offset + delta, problem.length));
    } else if (problem.offset >= subtree.start && end <= subtree.oldEnd) {
      // inside the re-validated part: replaced below
    } else if (problem.offset <= subtree.start && end >= subtree.oldEnd) {
      merged.push(placedAt(problem, problem.offset, problem.length + delta));
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
