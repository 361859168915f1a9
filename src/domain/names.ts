/**
 * Resource names: gallery, image definition, managed image, resource group, and the publisher/offer/SKU identifier
 * of a definition. One rule each, with the pattern the schemas use; each consumer words the refusal its own way.
 * Pure, no `vscode`.
 *
 * Source: ARM's rules in test/fixtures/reference/ARM_BEHAVIOUR.md §5 (resource-name-rules.md,
 * troubleshooting-shared-images.md, the GalleryRP swagger) and the project's user research notes (USERS.md). Letters and digits are
 * English (A–Z, 0–9) for gallery resources, as the docs say; a resource group also takes other letters and digits.
 * Gallery names: the RP's own message is the reference, not the looser swagger pattern: "Allowed characters are
 * English alphanumeric characters, with underscores, and periods allowed in the middle, up to 80 characters total.
 * All other special characters, including dashes, are disallowed." So a gallery name starts and ends with a letter
 * or digit ("gallery_" is refused; the form accepted it before issue 10, the schema did not).
 */

export type NameRefusal =
  | { readonly reason: 'empty' }
  | { readonly reason: 'tooLong'; readonly max: number; readonly length: number }
  /** Gallery names only: a dash, which ARM names on its own in its message. */
  | { readonly reason: 'dash' }
  | { readonly reason: 'badStart' }
  | { readonly reason: 'badCharacter' }
  /** The last character is not allowed there (a period or hyphen; for gallery names also an underscore). */
  | { readonly reason: 'badEnd'; readonly character: string };

export const GALLERY_NAME_MAX = 80;
export const ENTITY_NAME_MAX = 80;
export const RESOURCE_GROUP_NAME_MAX = 90;

/** One name (without anchors), as ECMAScript patterns for the schemas; the rule functions below agree with them. */
export const GALLERY_NAME_PATTERN = '[A-Za-z0-9](?:[A-Za-z0-9_.]{0,78}[A-Za-z0-9])?';
export const IMAGE_DEFINITION_NAME_PATTERN = '[A-Za-z0-9][A-Za-z0-9_.-]{0,79}(?<![.-])';
/** Managed images: start alphanumeric, end alphanumeric or underscore — the same set as definitions. */
export const MANAGED_IMAGE_NAME_PATTERN = IMAGE_DEFINITION_NAME_PATTERN;
/** publisher / offer / SKU of `identifier`, with its maximum length. */
export function identifierPattern(max: number): string {
  return `[A-Za-z0-9._-]{1,${max}}(?<!\\.)`;
}

const ALNUM_START = /^[A-Za-z0-9]/;
const GALLERY_CHARACTERS = /^[A-Za-z0-9_.]+$/;
const ENTITY_CHARACTERS = /^[A-Za-z0-9_.-]+$/;
const ENTITY_BAD_END = /[-.]$/;
const ALNUM_END = /[A-Za-z0-9]$/;
const RESOURCE_GROUP_CHARACTERS = /^[\p{L}\p{N}_().-]+$/u;

/** Gallery: 1–80 letters, digits, underscores and periods; starts and ends with a letter or digit; no dashes. */
export function galleryNameRule(name: string): NameRefusal | undefined {
  if (!name) {
    return { reason: 'empty' };
  }
  if (name.length > GALLERY_NAME_MAX) {
    return { reason: 'tooLong', max: GALLERY_NAME_MAX, length: name.length };
  }
  if (name.includes('-')) {
    return { reason: 'dash' };
  }
  if (!ALNUM_START.test(name)) {
    return { reason: 'badStart' };
  }
  if (!GALLERY_CHARACTERS.test(name)) {
    return { reason: 'badCharacter' };
  }
  return ALNUM_END.test(name) ? undefined : badEnd(name);
}

/** Image definition: ARM's `^[^_\W][\w-._]{0,79}(?<![-.])$` with English letters and digits. */
export function imageDefinitionNameRule(name: string): NameRefusal | undefined {
  if (!name) {
    return { reason: 'empty' };
  }
  if (name.length > ENTITY_NAME_MAX) {
    return { reason: 'tooLong', max: ENTITY_NAME_MAX, length: name.length };
  }
  if (!ALNUM_START.test(name)) {
    return { reason: 'badStart' };
  }
  if (!ENTITY_CHARACTERS.test(name)) {
    return { reason: 'badCharacter' };
  }
  return ENTITY_BAD_END.test(name) ? badEnd(name) : undefined;
}

/** Managed image: 1–80 letters, digits, underscores, periods and hyphens; starts alphanumeric; ends alphanumeric or underscore. */
export function managedImageNameRule(name: string): NameRefusal | undefined {
  return imageDefinitionNameRule(name);
}

/** Resource group: 1–90 letters, digits, underscores, hyphens, periods and parentheses; no final period. */
export function resourceGroupNameRule(name: string): NameRefusal | undefined {
  if (!name) {
    return { reason: 'empty' };
  }
  if (name.length > RESOURCE_GROUP_NAME_MAX) {
    return { reason: 'tooLong', max: RESOURCE_GROUP_NAME_MAX, length: name.length };
  }
  if (!RESOURCE_GROUP_CHARACTERS.test(name)) {
    return { reason: 'badCharacter' };
  }
  return name.endsWith('.') ? badEnd(name) : undefined;
}

/** Publisher (≤128), offer and SKU (≤64): letters, digits, hyphens, underscores and periods; no final period. */
export function identifierRule(value: string, max: number): NameRefusal | undefined {
  if (!value) {
    return { reason: 'empty' };
  }
  if (value.length > max) {
    return { reason: 'tooLong', max, length: value.length };
  }
  if (!ENTITY_CHARACTERS.test(value)) {
    return { reason: 'badCharacter' };
  }
  return value.endsWith('.') ? badEnd(value) : undefined;
}

function badEnd(name: string): NameRefusal {
  return { reason: 'badEnd', character: name.slice(-1) };
}
