/**
 * Starting content of a new body file for each kind: what a "New … body file" command opens. Pure.
 *
 * The file name matters: it ends with the suffix the `jsonValidation` contribution associates with the kind's schema
 * (`*.imageversion.json`, …), so completions, hover and validation work as soon as the file is opened. An untitled
 * document gets that behaviour too if its URI has a path ending that way (`untitled:/myImage.imageversion.json`).
 * Every starting body validates with no diagnostics (tested).
 */
import { normalizeRegion } from './regionName';
import type { BodyFileVariant, GalleryResourceKind } from './resourceKinds';
import { RESOURCE_KIND_INFO } from './resourceKinds';

export interface NewResourceFileOptions {
  /** Create (PUT) body, the default, or update (PATCH) body. */
  readonly variant?: BodyFileVariant;
  /** Region written into `location` (and the version's target region). */
  readonly location?: string;
  /** Subscription used in the example resource ids. */
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
}

const PLACEHOLDER_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

/** `myImage` → `myImage.imageversion.json` (or `.imageversion.patch.json` for an update body). */
export function newResourceFileName(kind: GalleryResourceKind, baseName: string, variant: BodyFileVariant = 'create'): string {
  const info = RESOURCE_KIND_INFO[kind];
  const suffix = variant === 'update' ? info.updateBodyFileSuffix : info.bodyFileSuffix;
  const base = baseName.trim().replace(/\.json$/i, '') || kind;
  return base.toLowerCase().endsWith(suffix.slice(0, -'.json'.length)) ? `${base}.json` : `${base}${suffix}`;
}

/**
 * The first of `myGallery.gallery.json`, `myGallery-2.gallery.json`, `myGallery-3.gallery.json`… that is not taken
 * (compared without case, as Windows and macOS file systems do). Two untitled documents with the same name are one
 * document in VS Code: a second "New Resource Body File" must not write into the first one.
 */
export function freeResourceFileName(kind: GalleryResourceKind, baseName: string, variant: BodyFileVariant, taken: ReadonlySet<string>): string {
  const isTaken = (name: string): boolean => taken.has(name.toLowerCase());
  const first = newResourceFileName(kind, baseName, variant);
  if (!isTaken(first)) {
    return first;
  }
  const info = RESOURCE_KIND_INFO[kind];
  const kindSuffix = variant === 'update' ? info.updateBodyFileSuffix : info.bodyFileSuffix;
  const suffix = first.toLowerCase().endsWith(kindSuffix) ? first.slice(-kindSuffix.length) : '.json';
  const stem = first.slice(0, -suffix.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${suffix}`;
    if (!isTaken(candidate)) {
      return candidate;
    }
  }
}

/** The JSON text of a new body file (two-space indentation, final newline). */
export function newResourceFileContent(kind: GalleryResourceKind, options: NewResourceFileOptions = {}): string {
  const body = options.variant === 'update' ? updateBody(kind, options) : createBody(kind, options);
  return `${JSON.stringify(body, null, 2)}\n`;
}

function ids(options: NewResourceFileOptions): { subscription: string; group: string } {
  return { subscription: options.subscriptionId ?? PLACEHOLDER_SUBSCRIPTION, group: options.resourceGroup ?? 'myResourceGroup' };
}

function createBody(kind: GalleryResourceKind, options: NewResourceFileOptions): Record<string, unknown> {
  const location = options.location ?? 'westeurope';
  const { subscription, group } = ids(options);
  switch (kind) {
    case 'gallery':
      return { location, tags: {}, properties: { description: 'Images shared by my team' } };
    case 'imageDefinition':
      return {
        location,
        tags: {},
        properties: {
          description: 'Ubuntu 22.04 with our agents',
          osType: 'Linux',
          osState: 'Generalized',
          hyperVGeneration: 'V2',
          architecture: 'x64',
          identifier: { publisher: 'myPublisher', offer: 'myOffer', sku: 'mySku' },
          features: [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }],
          recommended: { vCPUs: { min: 2, max: 16 }, memory: { min: 4, max: 64 } },
        },
      };
    case 'imageVersion':
      return {
        location,
        tags: {},
        properties: {
          publishingProfile: {
            targetRegions: [{ name: location, regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS' }],
            replicaCount: 1,
            excludeFromLatest: false,
          },
          storageProfile: {
            source: { id: `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Compute/images/myManagedImage` },
          },
          safetyProfile: { allowDeletionOfReplicatedLocations: false },
        },
      };
    case 'application':
      return { location, tags: {}, properties: { description: 'Monitoring agent for our VMs', supportedOSType: 'Linux' } };
    case 'applicationVersion':
      return {
        location,
        tags: {},
        properties: {
          publishingProfile: {
            source: { mediaLink: 'https://myaccount.blob.core.windows.net/packages/myapp.tar.gz' },
            manageActions: { install: 'mv myapp myapp.tar.gz && tar -xzf myapp.tar.gz && ./install.sh', remove: './uninstall.sh' },
            targetRegions: [{ name: location, regionalReplicaCount: 1, storageAccountType: 'Standard_ZRS' }],
            excludeFromLatest: false,
          },
          safetyProfile: { allowDeletionOfReplicatedLocations: false },
        },
      };
    case 'managedImage':
      return {
        location,
        tags: {},
        properties: {
          sourceVirtualMachine: { id: `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Compute/virtualMachines/myVm` },
          hyperVGeneration: 'V2',
        },
      };
  }
}

function updateBody(kind: GalleryResourceKind, options: NewResourceFileOptions): Record<string, unknown> {
  const { subscription, group } = ids(options);
  switch (kind) {
    case 'gallery':
      return { properties: { description: 'Images shared by my team' } };
    case 'imageDefinition':
      // The service's update model keeps osType, osState and identifier required (they cannot change, but are sent).
      return {
        properties: {
          osType: 'Linux',
          osState: 'Generalized',
          identifier: { publisher: 'myPublisher', offer: 'myOffer', sku: 'mySku' },
          description: 'Updated description',
          endOfLifeDate: '2030-12-31T00:00:00Z',
        },
      };
    case 'imageVersion': {
      // Target regions are replaced as a whole: list every region the version must stay in.
      const location = options.location ?? 'westeurope';
      const replica = normalizeRegion(location) === 'northeurope' ? 'westeurope' : 'northeurope';
      return {
        properties: {
          publishingProfile: {
            targetRegions: [
              { name: location, regionalReplicaCount: 1 },
              { name: replica, regionalReplicaCount: 1 },
            ],
            excludeFromLatest: false,
          },
          storageProfile: {
            source: { id: `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Compute/images/myManagedImage` },
          },
        },
      };
    }
    case 'application':
      // The update model keeps supportedOSType required (it cannot change, but is sent).
      return { properties: { supportedOSType: 'Linux', description: 'Updated description', endOfLifeDate: '2030-12-31T00:00:00Z' } };
    case 'applicationVersion': {
      // Target regions are replaced as a whole, like an image version's; the source stays as created.
      const location = options.location ?? 'westeurope';
      const replica = normalizeRegion(location) === 'northeurope' ? 'westeurope' : 'northeurope';
      return {
        properties: {
          publishingProfile: {
            source: { mediaLink: 'https://myaccount.blob.core.windows.net/packages/myapp.tar.gz' },
            targetRegions: [
              { name: location, regionalReplicaCount: 1 },
              { name: replica, regionalReplicaCount: 1 },
            ],
            excludeFromLatest: false,
          },
        },
      };
    }
    case 'managedImage':
      return { tags: { owner: 'my-team' } };
  }
}
