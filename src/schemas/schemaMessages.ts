import * as l10n from '@vscode/l10n';

/**
 * Messages the generated schemas carry (`errorMessage`, `patternErrorMessage`) and the language service recognises.
 * Shared by the generator and the service so both spell them the same way.
 */
export const SCHEMA_MESSAGES = {
  object: 'Incorrect type. Expected an object (or an ARM expression "[...]").',
  array: 'Incorrect type. Expected an array (or an ARM expression "[...]").',
  integer: 'Incorrect type. Expected an integer: a number, a numeric string such as "1", or an ARM expression "[...]".',
  boolean: 'Incorrect type. Expected true or false (also "true" / "false", or an ARM expression "[...]").',
  uri: 'Expected an absolute URI such as https://example.com/path.',
  dateTime: 'Expected an ISO 8601 date-time such as 2030-12-31T00:00:00Z.',
  apiVersion: 'Expected an API version such as 2025-12-03 (yyyy-mm-dd, optionally followed by -preview).',
} as const;

/** Schema problems that are reported as warnings rather than errors: Azure may accept the value. */
export const SOFT_SCHEMA_MESSAGES: ReadonlySet<string> = new Set<string>([SCHEMA_MESSAGES.uri]);

/**
 * The schema message in the display language. The generated schemas carry the English text (the key above); the
 * diagnostic shown is translated here, where it leaves the language service. Other messages pass unchanged.
 */
export function translateSchemaMessage(message: string): string {
  switch (message) {
    case SCHEMA_MESSAGES.object:
      return l10n.t('Incorrect type. Expected an object (or an ARM expression "[...]").');
    case SCHEMA_MESSAGES.array:
      return l10n.t('Incorrect type. Expected an array (or an ARM expression "[...]").');
    case SCHEMA_MESSAGES.integer:
      return l10n.t('Incorrect type. Expected an integer: a number, a numeric string such as "1", or an ARM expression "[...]".');
    case SCHEMA_MESSAGES.boolean:
      return l10n.t('Incorrect type. Expected true or false (also "true" / "false", or an ARM expression "[...]").');
    case SCHEMA_MESSAGES.uri:
      return l10n.t('Expected an absolute URI such as https://example.com/path.');
    case SCHEMA_MESSAGES.dateTime:
      return l10n.t('Expected an ISO 8601 date-time such as 2030-12-31T00:00:00Z.');
    case SCHEMA_MESSAGES.apiVersion:
      return l10n.t('Expected an API version such as 2025-12-03 (yyyy-mm-dd, optionally followed by -preview).');
    default:
      return message;
  }
}
