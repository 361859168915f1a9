/**
 * VM applications (issue 12): the rules of an application version's package and commands, and how a package link's
 * SAS token is kept out of sight. Pure, no `vscode`; the forms, the form host and `schemas/galleryChecks.ts` call it.
 *
 * Sources: the GalleryRP TypeSpec / @azure/arm-compute models — `UserArtifactManage.install` / `remove` ("Required …
 * This is limited to 4096 characters"), `update`, `UserArtifactSettings.packageFileName` / `configFileName` ("limited to
 * 4096 characters"), `UserArtifactSource.mediaLink` ("must be a readable storage page blob"), custom action parameter
 * types `String` / `ConfigurationDataBlob` / `LogOutputBlob`; custom action names "must be unique".
 *
 * A package link usually carries a SAS token in its query (`?sv=…&sig=…`): whoever holds the whole URL can read the
 * blob. It is never written to a log, never shown in full once typed, and never copied with the JSON preview or the
 * template resource: {@link redactLink} keeps scheme, host and path and replaces the query.
 */

/** "This is limited to 4096 characters": install, remove, update, packageFileName, configFileName. */
export const APPLICATION_TEXT_MAX_LENGTH = 4096;

/** The manage actions ARM requires (`install`, `remove`) and the optional one. */
export const MANAGE_ACTIONS = ['install', 'remove', 'update'] as const;
export type ManageAction = (typeof MANAGE_ACTIONS)[number];
export const REQUIRED_MANAGE_ACTIONS: readonly ManageAction[] = ['install', 'remove'];

export const SCRIPT_BEHAVIORS_AFTER_REBOOT = ['None', 'Rerun'] as const;
export const CUSTOM_ACTION_PARAMETER_TYPES = ['String', 'ConfigurationDataBlob', 'LogOutputBlob'] as const;

export type CommandRefusal = { readonly reason: 'missing' } | { readonly reason: 'tooLong'; readonly length: number; readonly max: number };

/**
 * Why ARM would refuse the text of a manage action or a setting: missing where required, or longer than the limit.
 * `undefined` when it is fine (an empty optional value is fine).
 */
export function commandRefusal(value: string, required: boolean): CommandRefusal | undefined {
  if (value === '') {
    return required ? { reason: 'missing' } : undefined;
  }
  return value.length > APPLICATION_TEXT_MAX_LENGTH ? { reason: 'tooLong', length: value.length, max: APPLICATION_TEXT_MAX_LENGTH } : undefined;
}

export type PackageLinkRefusal = 'missing' | 'notAUrl' | 'notHttps' | 'redacted';

/** What replaces a link's query when it is shown: visibly not part of a URL, so it is never sent by mistake. */
export const REDACTED_QUERY = '?<SAS hidden>';

/**
 * Why a package (or default configuration) link would not do: ARM takes an https URL of a readable blob. A value
 * that still holds {@link REDACTED_QUERY} is a shown copy, not the link: the whole URL must be pasted again.
 */
export function packageLinkRefusal(value: string, required: boolean): PackageLinkRefusal | undefined {
  if (value === '') {
    return required ? 'missing' : undefined;
  }
  if (value.includes(REDACTED_QUERY) || value.includes('<SAS hidden>')) {
    return 'redacted';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'notAUrl';
  }
  if (url.protocol !== 'https:') {
    return 'notHttps';
  }
  return url.hostname === '' ? 'notAUrl' : undefined;
}

/** The link as it may be shown: scheme, host and path; a query (the SAS token) replaced by {@link REDACTED_QUERY}. */
export function redactLink(value: string): string {
  const cut = value.indexOf('?');
  return cut === -1 ? value : `${value.slice(0, cut)}${REDACTED_QUERY}`;
}

/** Does the link carry a query (usually a SAS token) that must not be shown? */
export function hasHiddenPart(value: string): boolean {
  return value.includes('?') && !value.includes(REDACTED_QUERY);
}

/**
 * A run of query parameters (`sv=…&se=…&sig=…`), joined by `&`, `&amp;` or JSON's `\u0026`. Values stop at white
 * space, quotes, brackets and backslashes, so a run never swallows the sentence around it.
 */
const QUERY_RUN = /[A-Za-z][\w-]*=[^\s&"'<>\\]*(?:(?:&amp;|&|\\u0026)[A-Za-z][\w-]*=[^\s&"'<>\\]*)*/g;
/** A shared access signature's own parameter: whoever holds it holds the access. */
const SAS_SIGNATURE = /(?:^|&amp;|&|\\u0026)sig=/i;
/**
 * A URL that is itself percent-encoded (a link carried in another link's query, or an encoded message): its query
 * starts at `%3F` and its parameters are joined by `%26`, so {@link QUERY_RUN} does not see them.
 */
const ENCODED_QUERY = /%3F([^\s"'<>\\&]+)/gi;
const ENCODED_SAS_SIGNATURE = /(?:^|%26)sig%3D/i;

/**
 * A text with every shared access signature removed: a query that carries a SAS signature (`sig=`) is replaced whole
 * by `<redacted-sas>`; its other parameters (sv, se, sp…) say what the signature grants and are of no use without it.
 * Every message and log line from Azure goes through it (azure/armError.ts `redactSecrets`).
 */
export function redactSas(value: string): string {
  return value
    .replace(ENCODED_QUERY, (run, query: string) => (ENCODED_SAS_SIGNATURE.test(query) ? `${run.slice(0, 3)}<redacted-sas>` : run))
    .replace(QUERY_RUN, (run) => (SAS_SIGNATURE.test(run) ? '<redacted-sas>' : run));
}

/** Properties whose value is a package link: its whole query is hidden, SAS or not. */
export const PACKAGE_LINK_KEYS: readonly string[] = ['mediaLink', 'defaultConfigurationLink'];

/**
 * A JSON value with the package links' queries and the query of every SAS URL in its strings replaced (the JSON
 * preview, the template resource, anything logged).
 */
export function redactSasInJson<T>(value: T, key?: string): T {
  if (typeof value === 'string') {
    return (key !== undefined && PACKAGE_LINK_KEYS.includes(key) ? redactLink(value) : redactSas(value)) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v: unknown) => redactSasInJson(v)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = redactSasInJson(v, k);
    }
    return out as T;
  }
  return value;
}

export type CustomActionRefusal = 'nameMissing' | 'scriptMissing' | 'duplicateName';

/** Custom action names must be unique (compared without case); each needs a name and a script. */
export function customActionRefusals(actions: ReadonlyArray<{ readonly name: string; readonly script: string }>): Array<CustomActionRefusal | undefined> {
  const seen = new Set<string>();
  return actions.map(({ name, script }) => {
    if (!name) {
      return 'nameMissing';
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      return 'duplicateName';
    }
    seen.add(key);
    return script ? undefined : 'scriptMissing';
  });
}
