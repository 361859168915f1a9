/**
 * Diagnostics as the service keeps them (offset and length, relative to a resource or absolute in one text) and
 * their conversion to the language service's Diagnostic at the end.
 */
import type { Diagnostic } from 'vscode-json-languageservice';
import { DiagnosticSeverity } from 'vscode-json-languageservice';
import type { CheckSeverity } from '../galleryChecks';
import { SOFT_SCHEMA_MESSAGES, translateSchemaMessage } from '../schemaMessages';
import type { ServiceDocument } from './serviceTypes';
import { DIAGNOSTIC_SOURCE } from './serviceTypes';

export interface RelativeDiagnostic {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  readonly severity: DiagnosticSeverity;
  readonly code: string;
}

export function severityOf(severity: CheckSeverity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
  }
}

export function toDiagnostic(document: ServiceDocument, offset: number, length: number, message: string, severity: DiagnosticSeverity, code: string): Diagnostic {
  return {
    range: { start: document.positionAt(offset), end: document.positionAt(offset + length) },
    message,
    severity,
    code,
    source: DIAGNOSTIC_SOURCE,
  };
}

/** The same problem at another place (built field by field, not spread: this runs for every moved diagnostic). */
export function placedAt(problem: RelativeDiagnostic, offset: number, length: number): RelativeDiagnostic {
  return { offset, length, message: problem.message, severity: problem.severity, code: problem.code };
}

/** A problem the JSON language service reported, at `offset` (its messages about URI formats are warnings). */
export function schemaDiagnostic(offset: number, length: number, diagnostic: Diagnostic): RelativeDiagnostic {
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const severity = SOFT_SCHEMA_MESSAGES.has(message) ? DiagnosticSeverity.Warning : (diagnostic.severity ?? DiagnosticSeverity.Error);
  return { offset, length, message: translateSchemaMessage(message), severity, code: 'schema' };
}

/** Document order, then a fixed order for problems on the same range, so every way of computing them agrees. */
export function byPosition(a: RelativeDiagnostic, b: RelativeDiagnostic): number {
  return a.offset - b.offset || a.length - b.length || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
