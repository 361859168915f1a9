/**
 * Region names as Azure compares them. A module of its own so that the start-up bundle (New Resource Body File)
 * can use it without galleryChecks, which brings in jsonc-parser (see the guard in esbuild.mjs).
 */

/** Region names as Azure compares them: case-insensitive, spaces ignored ("West Europe" = "westeurope"). */
export function normalizeRegion(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}
