/**
 * The document cache: one entry per open document version, the edits the editor reported between versions, and the
 * template analysis of each version, computed on first need and incrementally from the last analysed version, edit
 * by edit (each edit usually re-parses only the resource it touched; templateResources.ts). The validation state of
 * each analysed version travels with it (validationCache.ts).
 */
import type { Node } from 'jsonc-parser';
import { parseTree } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-json-languageservice';
import type { BodyFileVariant, GalleryResourceKind } from '../resourceKinds';
import { bodyKindOfFileName } from '../resourceKinds';
import type { TemplateAnalysis, TemplateResource, TextChange } from '../templateResources';
import { analyzeTemplateText, composeChanges, findChange, resourceAtOffset, updateTemplateAnalysis, withPlace } from '../templateResources';
import type { ParsedResources } from './ParsedResources';
import type { ContentChange, ServiceDocument } from './serviceTypes';
import type { ValidationState } from './validationCache';
import { carryValidation, emptyValidationState } from './validationCache';

/** Versions that may wait for an incremental analysis; beyond that the next analysis starts afresh. */
const MAX_PENDING_EDITS = 64;
/** Completions served from an older analysis before the analysis is brought up to date (well before the limit above). */
const MAX_UNANALYSED_COMPLETIONS = 16;

/** The analysis of one version of a template, with what was validated for it. */
export interface AnalysedText {
  readonly text: string;
  readonly analysis: TemplateAnalysis;
  readonly validation: ValidationState;
}

export interface DocumentEntry {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly bodyKind: { readonly kind: GalleryResourceKind; readonly variant: BodyFileVariant } | undefined;
  readonly body: { readonly kind: GalleryResourceKind; readonly variant: BodyFileVariant; readonly root: Node | undefined } | undefined;
  /** The analysis of this version, computed on first need (validation, classify). */
  analysed: AnalysedText | undefined;
  /** The version before this one, kept until this one is analysed: the analysis is updated edit by edit. */
  previous: DocumentEntry | undefined;
  /** The last validation result for this version. */
  validation?: { readonly stamp: string; readonly diagnostics: Diagnostic[] };
}

/** The resource a completion or hover request falls in, possibly located without updating the whole analysis. */
export interface Located {
  readonly resource: TemplateResource;
  /** True when found from the previous version's analysis; the virtual document must confirm it. */
  readonly provisional: boolean;
}

export class TemplateDocuments {
  private readonly documents = new Map<string, DocumentEntry>();
  /** Edits the editor reported (didChange), per document, oldest first. */
  private readonly changes = new Map<string, { readonly version: number; readonly change: TextChange }[]>();

  constructor(private readonly parsedResources: ParsedResources) {}

  /** The cache entry of this document version; cheap: the template analysis is deferred (see `analysed`). */
  entry(document: ServiceDocument): DocumentEntry {
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
  analysed(entry: DocumentEntry): AnalysedText {
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
        const update = updateTemplateAnalysis(current.analysis, current.text, pending.text, this.parsedResources.clean, known);
        if (!update.change) {
          // Same text under a new version number: same analysis and diagnostics.
          if (!pending.validation && pending.previous?.analysed === current) {
            pending.validation = pending.previous.validation;
          }
        } else {
          current = { text: pending.text, analysis: update.analysis, validation: carryValidation(current.text, current.validation, update) };
        }
        if (update.reparsedNode) {
          this.parsedResources.set(update.reparsedNode.resourceId, { node: update.reparsedNode.node, syntaxErrors: update.reparsedSyntaxErrors === true });
        }
        // Enclosing resources keep their ids but not their text: a node parsed for them earlier is stale.
        for (const id of update.enclosingIds ?? []) {
          this.parsedResources.delete(id);
        }
      } else if (current && current.text === pending.text) {
        if (!pending.validation && pending.previous?.analysed === current) {
          pending.validation = pending.previous.validation;
        }
      } else {
        current = { text: pending.text, analysis: analyzeTemplateText(pending.text), validation: emptyValidationState() };
      }
      pending.analysed = current;
      pending.previous = undefined;
      currentVersion = pending.version;
    }
    if (currentVersion !== undefined) {
      this.dropChangesUpTo(entry.uri, currentVersion);
    }
    return current ?? { text: entry.text, analysis: analyzeTemplateText(entry.text), validation: emptyValidationState() };
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
  locate(entry: DocumentEntry, offset: number): Located | undefined {
    const baseEntry = TemplateDocuments.lastAnalysed(entry);
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
}

function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
