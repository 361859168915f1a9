/**
 * Region names as Azure compares them: without case, spaces ignored ("West Europe" = "westeurope" = "WestEurope").
 * Pure, no `vscode`, no jsonc-parser: the start-up bundle (New Resource Body File) uses it too.
 * Source: ARM accepts both the display name and the programmatic name of a location (the REST examples use
 * "West US"; ARM_BEHAVIOUR.md §7 shows live responses with "westus").
 */

const SPACES = /\s+/g;

/** The key Azure compares region names by. */
export function normalizeRegion(name: string): string {
  return name.toLowerCase().replace(SPACES, '');
}

export function sameRegion(a: string, b: string): boolean {
  return normalizeRegion(a) === normalizeRegion(b);
}
