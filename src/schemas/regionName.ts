/**
 * Region names as Azure compares them: the domain rule (src/domain/regions.ts), kept under this name for the
 * schemas' modules. Free of jsonc-parser so that the start-up bundle (New Resource Body File) can use it (see the
 * guard in esbuild.mjs).
 */
export { normalizeRegion, sameRegion } from '../domain/regions';
