/**
 * What is kept of a template version's validation so the next version need not start over: diagnostics per resource
 * id (carried across an edit for the resources whose text did not change, moved with the text), which resources
 * still lack diagnostics, and where an edited resource's last validated version is.
 */
import type { TemplateResource, TemplateUpdate, TextChange } from '../templateResources';
import { composeChanges } from '../templateResources';
import type { RelativeDiagnostic } from './relativeDiagnostics';
import { placedAt } from './relativeDiagnostics';

export interface CachedResourceDiagnostics {
  /** The day (for the end-of-life check) and feature set they were computed for. */
  readonly stamp: string;
  /** Absolute offsets in the text they were computed or carried over for. */
  readonly diagnostics: readonly RelativeDiagnostic[];
  /** The resource's text had syntax errors: how it reads may then depend on any edit inside it, even in a child. */
  readonly syntaxErrors: boolean;
  /** The language service's diagnostics alone, relative to the resource's start (undefined without schema features). */
  readonly schema: readonly RelativeDiagnostic[] | undefined;
  /** The gallery checks' diagnostics alone, relative to the resource's start. */
  readonly checks: readonly RelativeDiagnostic[];
}

/**
 * The last validated version of a resource an edit re-parsed (through any number of unvalidated versions): what an
 * edited resource's diagnostics are updated from, when only a part of it was edited.
 */
export interface EditOrigin {
  readonly resource: TemplateResource;
  /** The document text `resource` and `cached` belong to. */
  readonly text: string;
  readonly cached: CachedResourceDiagnostics;
  /** The edits since `text`, composed (absolute offsets; all inside the resource); may cover more than what differs. */
  readonly change: TextChange;
}

/** The validation state of one analysed version of a template. */
export interface ValidationState {
  /** Diagnostics per resource id; carried to the next analysed version for resources whose text did not change. */
  readonly resourceDiagnostics: DiagnosticsById;
  /** For the resource the last edit re-parsed (by its new id): its last validated version. */
  readonly origins?: ReadonlyMap<number, EditOrigin>;
  /**
   * Every resource (not an `existing` reference) has diagnostics for `stamp` in resourceDiagnostics, except those in
   * `unvalidated`: then validation looks at those alone instead of walking every resource. Set by validation, and
   * carried through edits that only replaced resources.
   */
  complete?: { readonly stamp: string; unvalidated: TemplateResource[] };
}

export function emptyValidationState(): ValidationState {
  return { resourceDiagnostics: new DiagnosticsById() };
}

/**
 * The validation state after `update` (an edit that changed the text) from the state of the version it was applied
 * to, `previousText`. Takes over the previous state's diagnostics map instead of copying it: this runs on every
 * keystroke, and the previous version is not validated again.
 */
export function carryValidation(previousText: string, previous: ValidationState, update: TemplateUpdate): ValidationState {
  // Before carryOver, which drops the re-parsed resource's diagnostics from the map it takes over.
  const origins = editOrigins(previousText, previous, update);
  const carried = carryOver(previous.resourceDiagnostics, update);
  const complete = carried.onlyReplaced ? stillComplete(previous.complete, update) : undefined;
  return { resourceDiagnostics: carried.diagnostics, origins, complete };
}

/** The last validated version of the resource `update` re-parsed, if any: its own, or the one it came from. */
function editOrigins(previousText: string, previous: ValidationState, update: TemplateUpdate): ReadonlyMap<number, EditOrigin> | undefined {
  const reparsed = update.reparsedNode;
  const change = update.change;
  if (!reparsed || !change) {
    return undefined;
  }
  const cached = previous.resourceDiagnostics.get(reparsed.previous.id);
  if (cached?.schema) {
    return new Map([[reparsed.resourceId, { resource: reparsed.previous, text: previousText, cached, change }]]);
  }
  const earlier = previous.origins?.get(reparsed.previous.id);
  return earlier && new Map([[reparsed.resourceId, { resource: earlier.resource, text: earlier.text, cached: earlier.cached, change: composeChanges(earlier.change, change) }]]);
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
        checks: cached.checks,
        diagnostics: cached.diagnostics.map((d) => (d.offset >= change.oldEnd ? placedAt(d, d.offset + delta, d.length) : d)),
      });
    }
  });
  return { diagnostics: previous, onlyReplaced };
}

/**
 * Whether the analysis after `update` still has diagnostics for every resource but a known few: those the edit added,
 * and earlier unvalidated ones it neither replaced nor moved (a moved resource is a new object with the same id).
 */
function stillComplete(previous: ValidationState['complete'], update: TemplateUpdate): ValidationState['complete'] {
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
export class DiagnosticsById {
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
