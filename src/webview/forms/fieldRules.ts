/**
 * Checks of single values, with the messages users see next to the field. The same functions run in
 * the webview as the user types and on the host before anything is sent. Pure.
 *
 * The rules are the domain's (src/domain: names, versions, end of life), shared with the template checks, the schema
 * generator and the tree; this module words them for the form. Sources: test/fixtures/reference/ARM_BEHAVIOUR.md §5.
 */
import * as l10n from '@vscode/l10n';
import { isPastEndOfLife } from '../../domain/endOfLife';
import { galleryNameRule, identifierRule, imageDefinitionNameRule, resourceGroupNameRule } from '../../domain/names';
import { VERSION_PART_MAX_DIGITS, versionNameRule } from '../../domain/versions';
import type { FormValues, ValidationContext } from './formTypes';
import { cell, filledRows, isoDate } from './values';

export type Problem = string | undefined;

/** Gallery: 1–80 letters, digits, underscores and periods, starting and ending with a letter or digit; no dashes. */
export function galleryNameProblem(name: string): Problem {
  const refusal = galleryNameRule(name);
  switch (refusal?.reason) {
    case undefined:
      return undefined;
    case 'empty':
      return l10n.t('Enter a gallery name.');
    case 'tooLong':
      return l10n.t('A gallery name has at most {0} characters (this has {1}).', refusal.max, refusal.length);
    case 'dash':
      return l10n.t('Gallery names cannot contain dashes (-): use letters, digits, underscores and periods.');
    case 'badStart':
      return l10n.t('A gallery name starts with a letter or a digit.');
    case 'badCharacter':
      return l10n.t('Use only letters, digits, underscores (_) and periods (.).');
    case 'badEnd':
      return refusal.character === '.' ? l10n.t('A gallery name cannot end with a period.') : l10n.t('A gallery name ends with a letter or a digit.');
  }
}

/**
 * Image definition and managed image names: ARM's `^[^_\W][\w-._]{0,79}(?<![-.])$` — 1–80 letters, digits,
 * underscores, hyphens and periods, starting with a letter or digit, not ending with a hyphen or period.
 */
export function entityNameProblem(name: string, what: string): Problem {
  const refusal = imageDefinitionNameRule(name);
  switch (refusal?.reason) {
    case undefined:
      return undefined;
    case 'empty':
      return l10n.t('Enter {0} name.', what);
    case 'tooLong':
      return l10n.t('The name has at most {0} characters (this has {1}).', refusal.max, refusal.length);
    case 'badStart':
      return l10n.t('The name starts with a letter or a digit.');
    case 'dash':
    case 'badCharacter':
      return l10n.t('Use only letters, digits, underscores (_), hyphens (-) and periods (.).');
    case 'badEnd':
      return l10n.t('The name cannot end with a hyphen or a period.');
  }
}

/** Resource group: 1–90 letters, digits, underscores, hyphens, periods and parentheses; not ending with a period. */
export function resourceGroupNameProblem(name: string): Problem {
  const refusal = resourceGroupNameRule(name);
  switch (refusal?.reason) {
    case undefined:
      return undefined;
    case 'empty':
      return l10n.t('Enter a resource group name.');
    case 'tooLong':
      return l10n.t('A resource group name has at most {0} characters.', refusal.max);
    case 'dash':
    case 'badStart':
    case 'badCharacter':
      return l10n.t('Use only letters, digits, underscores, hyphens, periods and parentheses.');
    case 'badEnd':
      return l10n.t('A resource group name cannot end with a period.');
  }
}

/** Major.Minor.Patch, each an integer from 0 to 2,147,483,647 with at most 10 digits. */
export function versionNameProblem(name: string): Problem {
  const refusal = versionNameRule(name);
  switch (refusal?.reason) {
    case undefined:
      return undefined;
    case 'empty':
      return l10n.t('Enter a version number such as 1.0.0.');
    case 'notThreeParts':
    case 'notAnInteger':
      return l10n.t('Use Major.Minor.Patch with whole numbers, e.g. 1.0.0 or 2026.11.1.');
    case 'tooLarge':
      return l10n.t('Each part of the version is at most 2,147,483,647.');
    case 'tooManyDigits':
      return l10n.t('Each part of the version has at most {0} digits, leading zeros included.', VERSION_PART_MAX_DIGITS);
  }
}

/** publisher (≤128) / offer, SKU (≤64): letters, digits, hyphens, underscores, periods; not ending with a period. */
export function identifierProblem(value: string, what: string, max: number): Problem {
  const refusal = identifierRule(value, max);
  switch (refusal?.reason) {
    case undefined:
      return undefined;
    case 'empty':
      return l10n.t('Enter the {0}.', what);
    case 'tooLong':
      return l10n.t('The {0} has at most {1} characters.', what, max);
    case 'dash':
    case 'badStart':
    case 'badCharacter':
      return l10n.t('Use only letters, digits, hyphens (-), underscores (_) and periods (.).');
    case 'badEnd':
      return l10n.t('The {0} cannot end with a period.', what);
  }
}

/** A YYYY-MM-DD date after today (end-of-life dates must be in the future). */
export function futureDateProblem(day: string, now: number): Problem {
  if (!day) {
    return undefined;
  }
  const iso = isoDate(day);
  if (!iso) {
    return l10n.t('Enter a date as YYYY-MM-DD.');
  }
  if (isPastEndOfLife(iso, now)) {
    return l10n.t('The end-of-life date must be in the future.');
  }
  return undefined;
}

export function urlProblem(value: string): Problem {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : l10n.t('Enter an http or https address.');
  } catch {
    return l10n.t('Enter a full address such as https://contoso.com/release-notes.');
  }
}

/** A VHD in blob storage: https://<account>.blob.<suffix>/<container>/<name>.vhd */
export function blobUriProblem(value: string): Problem {
  if (!value) {
    return l10n.t('Enter the VHD blob URI.');
  }
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:') {
      return l10n.t('The blob URI starts with https://.');
    }
    if (!/\.vhd$/i.test(url.pathname)) {
      return l10n.t('The blob must be a .vhd file (page blob).');
    }
    return undefined;
  } catch {
    return l10n.t('Enter a blob URI such as https://account.blob.core.windows.net/vhds/os.vhd.');
  }
}

/** A whole number in [min, max]; '' is fine unless required. */
export function intProblem(value: string, min: number, max: number, required = false): Problem {
  if (!value) {
    return required ? l10n.t('Enter a number.') : undefined;
  }
  if (!/^-?\d+$/.test(value)) {
    return l10n.t('Enter a whole number.');
  }
  const n = Number(value);
  if (n < min || n > max) {
    return l10n.t('Enter a number from {0} to {1}.', min, max);
  }
  return undefined;
}

/** ARM ids chosen in pickers or pasted: /subscriptions/…/providers/<type>/<name>. */
export function armIdProblem(value: string, type: string, what: string): Problem {
  if (!value) {
    return l10n.t('Choose {0}.', what);
  }
  const re = new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${type.replace(/\./g, '\\.')}/[^/]+$`, 'i');
  return re.test(value) ? undefined : l10n.t('That is not the resource ID of {0}.', what);
}

/** Tags: at most 50; names ≤ 512 characters without < > % & \ ? /; values ≤ 256. Errors keyed by cell. */
export function tagProblems(values: FormValues, id = 'tags'): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  const filled = filledRows(values, id);
  if (filled.length > 50) {
    errors[id] = l10n.t('A resource has at most 50 tags.');
  }
  for (const { row, index } of filled) {
    const key = cell(row, 'key');
    const value = cell(row, 'value');
    const at = `${id}[${index}]`;
    if (!key) {
      errors[`${at}.key`] = l10n.t('Enter the tag name.');
    } else if (key.length > 512) {
      errors[`${at}.key`] = l10n.t('A tag name has at most 512 characters.');
    } else if (/[<>%&\\?/]/.test(key)) {
      errors[`${at}.key`] = l10n.t('A tag name cannot contain < > % & \\ ? or /.');
    } else if (seen.has(key.toLowerCase())) {
      errors[`${at}.key`] = l10n.t('The tag "{0}" is already set (tag names ignore case).', key);
    }
    seen.add(key.toLowerCase());
    if (value.length > 256) {
      errors[`${at}.value`] = l10n.t('A tag value has at most 256 characters.');
    }
  }
  return errors;
}

/** Is `name` (lower-cased compare) already used next to the new resource? */
export function nameTaken(name: string, context: ValidationContext): boolean {
  return !!name && (context.siblingNames ?? []).includes(name.toLowerCase());
}

/** Puts `problem` under `key` when there is one. */
export function put(errors: Record<string, string>, key: string, problem: Problem): void {
  if (problem && errors[key] === undefined) {
    errors[key] = problem;
  }
}
