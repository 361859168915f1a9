/**
 * Region names as Azure compares them: without case, spaces ignored ("West Europe" = "westeurope" = "WestEurope").
 * Pure, no `vscode`, no jsonc-parser: the start-up bundle (New Resource Body File) uses it too.
 * Source: test/fixtures/reference/ARM_BEHAVIOUR.md §7: a resource's `location` comes back as the short name
 * ("eastus2") but `publishingProfile.targetRegions[].name` as the display name ("East US 2") even when the request
 * sent "eastus2"; the REST examples write "West US". Normalise before comparing.
 */

const SPACES = /\s+/g;

/** The key Azure compares region names by. */
export function normalizeRegion(name: string): string {
  return name.toLowerCase().replace(SPACES, '');
}

export function sameRegion(a: string, b: string): boolean {
  return normalizeRegion(a) === normalizeRegion(b);
}
