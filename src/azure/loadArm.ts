/**
 * Loads the Azure layer on first use. In the packaged extension, esbuild maps './armServices'
 * to the separate bundle dist/azure.js (see esbuild.mjs), so `@azure/arm-compute` costs nothing
 * at activation. A failed load is tried again on the next use (see lazyImport).
 */
import { lazyImport } from './lazyImport';
import type { CreateArmServices } from './services';

export const loadArmServices: () => Promise<CreateArmServices> = lazyImport(() => import('./armServices').then((m) => m.createArmServices));
