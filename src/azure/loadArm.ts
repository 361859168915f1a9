/**
 * Loads the Azure layer on first use. In the packaged extension, esbuild maps './armServices'
 * to the separate bundle dist/azure.js (see esbuild.mjs), so `@azure/arm-compute` costs nothing
 * at activation.
 */
import type { CreateArmServices } from './services';

let loading: Promise<CreateArmServices> | undefined;

export function loadArmServices(): Promise<CreateArmServices> {
  loading ??= import('./armServices').then((m) => m.createArmServices);
  return loading;
}
