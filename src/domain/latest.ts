/**
 * Which image version `latest` resolves to: the highest version number not excluded from latest, among the versions
 * that can be deployed (provisioned: a version still being created, or one that failed, cannot be). Pure, no
 * `vscode`; the tree (the star on a row), the delete confirmations and clean-up (never deletes `latest`) all ask here.
 */
import { compareVersionNames, parseVersionName } from './versions';

export interface LatestCandidate {
  readonly name?: string;
  readonly provisioningState?: string;
  readonly publishingProfile?: { readonly excludeFromLatest?: boolean };
}

/** Whether the version exists for deployments: provisioned, or being updated after it was. */
export function isDeployable(version: LatestCandidate): boolean {
  const state = version.provisioningState;
  return state === undefined || state === 'Succeeded' || state === 'Updating';
}

/** The version `latest` resolves to, or undefined when none qualifies. */
export function resolveLatest<T extends LatestCandidate>(versions: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (!isDeployable(v) || v.publishingProfile?.excludeFromLatest || !v.name || !parseVersionName(v.name)) {
      continue;
    }
    if (!best || compareVersionNames(v.name, best.name ?? '') > 0) {
      best = v;
    }
  }
  return best;
}
