/**
 * What the template language service takes and gives at its boundary (GalleryTemplateLanguageService.ts re-exports
 * these for the extension layer and the live-value provider). Types only, plus the diagnostics' source name.
 */
import type { Node } from 'jsonc-parser';
import type { Position } from 'vscode-json-languageservice';
import type { BodyFileVariant, GalleryResourceKind } from '../resourceKinds';
import type { TemplateAnalysis, TemplateResource } from '../templateResources';

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

/** How each resource validation was done, for tests and the benchmark. */
export interface ValidationCounts {
  /** Whole resource objects validated by the JSON language service. */
  readonly resources: number;
  /** Edited values validated on their own, the rest of the resource's diagnostics kept. */
  readonly subtrees: number;
  /** Of those, edits after which only the gallery checks reading the edited value ran again, the others' problems kept. */
  readonly partialChecks: number;
}
