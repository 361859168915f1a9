/**
 * Typed Azure Resource Manager ids for the four resource kinds this extension manages.
 * ARM ids are case-insensitive; we keep the casing Azure returned for display and compare lower-cased.
 */

export type ArmResourceKind = 'gallery' | 'imageDefinition' | 'imageVersion' | 'managedImage';

interface ArmIdBase {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
}
export interface GalleryId extends ArmIdBase { readonly kind: 'gallery'; readonly gallery: string }
export interface ImageDefinitionId extends ArmIdBase { readonly kind: 'imageDefinition'; readonly gallery: string; readonly imageDefinition: string }
export interface ImageVersionId extends ArmIdBase {
  readonly kind: 'imageVersion';
  readonly gallery: string;
  readonly imageDefinition: string;
  readonly version: string;
}
export interface ManagedImageId extends ArmIdBase { readonly kind: 'managedImage'; readonly image: string }
export type ComputeResourceId = GalleryId | ImageDefinitionId | ImageVersionId | ManagedImageId;

const SEGMENT = '([^/]+)';
const PREFIX = `^/subscriptions/${SEGMENT}/resourceGroups/${SEGMENT}/providers/Microsoft\\.Compute/`;
const patterns: ReadonlyArray<[ArmResourceKind, RegExp]> = [
  ['imageVersion', new RegExp(`${PREFIX}galleries/${SEGMENT}/images/${SEGMENT}/versions/${SEGMENT}/?$`, 'i')],
  ['imageDefinition', new RegExp(`${PREFIX}galleries/${SEGMENT}/images/${SEGMENT}/?$`, 'i')],
  ['gallery', new RegExp(`${PREFIX}galleries/${SEGMENT}/?$`, 'i')],
  ['managedImage', new RegExp(`${PREFIX}images/${SEGMENT}/?$`, 'i')],
];

/** Parses an ARM id of one of our four kinds; returns undefined for anything else. */
export function parseComputeResourceId(id: string): ComputeResourceId | undefined {
  for (const [kind, pattern] of patterns) {
    const m = pattern.exec(id);
    if (!m) {
      continue;
    }
    const parts = m.slice(1).map((part) => decodeURIComponent(part));
    const [subscriptionId, resourceGroup] = parts as [string, string];
    const base = { id: id.replace(/\/$/, ''), subscriptionId, resourceGroup };
    switch (kind) {
      case 'gallery':
        return { ...base, kind, gallery: parts[2] };
      case 'imageDefinition':
        return { ...base, kind, gallery: parts[2], imageDefinition: parts[3] };
      case 'imageVersion':
        return { ...base, kind, gallery: parts[2], imageDefinition: parts[3], version: parts[4] };
      case 'managedImage':
        return { ...base, kind, image: parts[2] };
    }
  }
  return undefined;
}

/** Like {@link parseComputeResourceId} but for a required kind; throws a readable error otherwise. */
export function parseIdOfKind<K extends ArmResourceKind>(id: string, kind: K): Extract<ComputeResourceId, { kind: K }> {
  const parsed = parseComputeResourceId(id);
  if (!parsed || parsed.kind !== kind) {
    throw new Error(`"${id}" is not the resource id of a ${kindLabel(kind)}.`);
  }
  return parsed as Extract<ComputeResourceId, { kind: K }>;
}

const enc = encodeURIComponent;
const rgPath = (subscriptionId: string, resourceGroup: string): string =>
  `/subscriptions/${enc(subscriptionId)}/resourceGroups/${enc(resourceGroup)}/providers/Microsoft.Compute`;

export function galleryId(subscriptionId: string, resourceGroup: string, gallery: string): GalleryId {
  return { kind: 'gallery', subscriptionId, resourceGroup, gallery, id: `${rgPath(subscriptionId, resourceGroup)}/galleries/${enc(gallery)}` };
}
export function imageDefinitionId(parent: GalleryId, imageDefinition: string): ImageDefinitionId {
  return { ...parent, kind: 'imageDefinition', imageDefinition, id: `${parent.id}/images/${enc(imageDefinition)}` };
}
export function imageVersionId(parent: ImageDefinitionId, version: string): ImageVersionId {
  return { ...parent, kind: 'imageVersion', version, id: `${parent.id}/versions/${enc(version)}` };
}
export function managedImageId(subscriptionId: string, resourceGroup: string, image: string): ManagedImageId {
  return { kind: 'managedImage', subscriptionId, resourceGroup, image, id: `${rgPath(subscriptionId, resourceGroup)}/images/${enc(image)}` };
}

export function kindLabel(kind: ArmResourceKind): string {
  switch (kind) {
    case 'gallery':
      return 'gallery';
    case 'imageDefinition':
      return 'image definition';
    case 'imageVersion':
      return 'image version';
    case 'managedImage':
      return 'managed image';
  }
}

/** The short name a user knows a resource by ("myGallery/ubuntu/1.0.0"). */
export function displayName(id: ComputeResourceId): string {
  switch (id.kind) {
    case 'gallery':
      return id.gallery;
    case 'imageDefinition':
      return `${id.gallery}/${id.imageDefinition}`;
    case 'imageVersion':
      return `${id.gallery}/${id.imageDefinition}/${id.version}`;
    case 'managedImage':
      return id.image;
  }
}

/** ARM ids compare case-insensitively. */
export function sameArmId(a: string, b: string): boolean {
  return a.replace(/\/$/, '').toLowerCase() === b.replace(/\/$/, '').toLowerCase();
}
