/**
 * Gallery image version names: Major.Minor.Patch, each part a 32-bit integer. Parsing, the validity rule and the
 * numeric order. Pure, no `vscode`; the form, the host, galleryChecks, the schema generator and the tree use it.
 *
 * Sources: ARM's error for a bad name (test/fixtures/reference/ARM_BEHAVIOUR.md §5): "The image version name should
 * follow Major(int).Minor(int).Patch(int) format, where int is between 0 and 2,147,483,647 (inclusive)", and
 * the project's user research notes (USERS.md) ("each part a 32-bit integer").
 *
 * Leading zeros: each part is parsed as an integer, so "01.0.0" is accepted (real galleries hold date-like names such
 * as 2024.01.05, which the tree must order as numbers). A part has at most 10 digits, leading zeros included: Azure's
 * documented shape is `\d{1,10}\.\d{1,10}\.\d{1,10}` (VyOS, "Microsoft Azure image versioning",
 * https://support.vyos.io/support/solutions/articles/103000135256), so "00000000001.0.0" is refused although its
 * value is 1. Before issue 10 the template check and the schema accepted it and the form refused it.
 */

export const VERSION_PART_MAX = 2_147_483_647;
export const VERSION_PART_MAX_DIGITS = 10;
export const VERSION_PART_LABELS = ['Major', 'Minor', 'Patch'] as const;

/** Compiled once: parseVersionName is on the hot path of 10,000-version lists. */
const VERSION = /^(\d{1,10})\.(\d{1,10})\.(\d{1,10})$/;
const DIGITS = /^[0-9]+$/;

/**
 * One part as a JSON-schema (ECMAScript) pattern: 1–10 digits with a value of at most 2,147,483,647. Written out
 * because a pattern cannot compare numbers; test/unit/domain/versions.test.ts holds it against {@link parseVersionName}.
 */
export const VERSION_PART_PATTERN =
  '(?:[0-9]{1,9}|[01][0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])';
/** A whole version name (without anchors), for the schemas. */
export const VERSION_NAME_PATTERN = `${VERSION_PART_PATTERN}\\.${VERSION_PART_PATTERN}\\.${VERSION_PART_PATTERN}`;

/** [major, minor, patch] when `name` is a valid gallery image version name, else undefined. */
export function parseVersionName(name: string): [number, number, number] | undefined {
  const m = VERSION.exec(name);
  if (!m) {
    return undefined;
  }
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3]);
  return major <= VERSION_PART_MAX && minor <= VERSION_PART_MAX && patch <= VERSION_PART_MAX ? [major, minor, patch] : undefined;
}

/** Why a version name is refused; each consumer words it its own way. */
export type VersionNameRefusal =
  | { readonly reason: 'empty' }
  | { readonly reason: 'notThreeParts'; readonly parts: number }
  | { readonly reason: 'notAnInteger' | 'tooLarge' | 'tooManyDigits'; readonly part: 0 | 1 | 2; readonly text: string };

/** Undefined when Azure accepts `name` as an image version name; agrees with {@link parseVersionName}. */
export function versionNameRule(name: string): VersionNameRefusal | undefined {
  if (!name) {
    return { reason: 'empty' };
  }
  const parts = name.split('.');
  if (parts.length !== 3) {
    return { reason: 'notThreeParts', parts: parts.length };
  }
  for (const part of [0, 1, 2] as const) {
    const text = parts[part] ?? '';
    if (!DIGITS.test(text)) {
      return { reason: 'notAnInteger', part, text };
    }
    if (Number(text) > VERSION_PART_MAX) {
      return { reason: 'tooLarge', part, text };
    }
    if (text.length > VERSION_PART_MAX_DIGITS) {
      return { reason: 'tooManyDigits', part, text };
    }
  }
  return undefined;
}

/** Numeric comparison (so 1.10.0 > 1.9.0); names that don't parse sort after valid ones, by text. */
export function compareVersionNames(a: string, b: string): number {
  const pa = parseVersionName(a);
  const pb = parseVersionName(b);
  if (pa && pb) {
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  }
  if (pa) {
    return 1;
  }
  if (pb) {
    return -1;
  }
  return a.localeCompare(b);
}

/**
 * The sort key of a version name, ordering like {@link compareVersionNames}; computed once per version
 * so that ordering 10,000 versions page by page does not parse names again and again.
 * [valid ? 1 : 0, major, minor, patch]: invalid names sort below every valid one.
 */
export type VersionKey = readonly [number, number, number, number];

export function versionKey(name: string): VersionKey {
  const parts = parseVersionName(name);
  return parts ? [1, parts[0], parts[1], parts[2]] : [0, 0, 0, 0];
}

export function compareVersionKeys(a: VersionKey, b: VersionKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
}
