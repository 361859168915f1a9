/**
 * Diagnostics of a whole document: the gallery checks of a body file, or every gallery resource of a template. A
 * template's result is kept per version; after an edit only the resources it added lack diagnostics, and only those
 * are validated (ResourceValidator), the others' carried over with the text (validationCache.ts).
 */
import type { Diagnostic } from 'vscode-json-languageservice';
import { runGalleryChecks } from '../galleryChecks';
import { bodySchema } from '../schemaCatalog';
import type { RelativeDiagnostic } from './relativeDiagnostics';
import { byPosition, severityOf, toDiagnostic } from './relativeDiagnostics';
import type { ResourceValidator } from './ResourceValidator';
import type { FeatureOptions, ServiceDocument } from './serviceTypes';
import type { TemplateDocuments } from './TemplateDocuments';

export class TemplateValidation {
  private lastStamp: { readonly day: number; readonly schemaFeatures: boolean; readonly stamp: string } | undefined;

  constructor(
    private readonly documents: TemplateDocuments,
    private readonly resources: ResourceValidator,
    private readonly now: () => Date,
  ) {}

  async validate(document: ServiceDocument, features: FeatureOptions = {}): Promise<Diagnostic[]> {
    const entry = this.documents.entry(document);
    if (entry.body) {
      const root = entry.body.root;
      if (!root || root.type !== 'object') {
        return [];
      }
      const problems = runGalleryChecks({
        kind: entry.body.kind,
        resource: root,
        schema: bodySchema(entry.body.kind),
        now: this.now(),
        update: entry.body.variant === 'update',
      });
      return problems.map((problem) => toDiagnostic(document, problem.offset, problem.length, problem.message, severityOf(problem.severity), problem.code));
    }
    const schemaFeatures = features.schemaFeatures !== false;
    const stamp = this.stamp(schemaFeatures);
    if (entry.validation?.stamp === stamp) {
      return entry.validation.diagnostics;
    }
    const analysed = this.documents.analysed(entry);
    if (entry.validation?.stamp === stamp) {
      return entry.validation.diagnostics; // same text as the version before, validated already
    }
    const state = analysed.validation;
    const perResource = state.resourceDiagnostics;
    const complete = state.complete;
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
        const validation = await this.resources.validate(entry.text, resource, schemaFeatures, stamp, state.origins?.get(resource.id));
        perResource.set(resource.id, { stamp, diagnostics: validation.diagnostics, syntaxErrors: validation.syntaxErrors, schema: validation.schema, checks: validation.checks });
      }
    }
    if (perResource.retired) {
      // A newer version was analysed meanwhile and took the diagnostics over: this version's answer is outdated anyway.
      return this.validate(document, features);
    }
    state.complete = { stamp, unvalidated: [] };
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
}
