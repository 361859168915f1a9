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

const eq = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b;

/**
 * Parses an ARM id of one of our four kinds; returns undefined for anything else.
 * Split-based rather than regex-based: the tree parses one id per listed item (10,000-version lists).
 */
export function parseComputeResourceId(id: string): ComputeResourceId | undefined {
  const trimmed = id.endsWith('/') ? id.slice(0, -1) : id;
  const s = trimmed.split('/');
  // ['', 'subscriptions', sub, 'resourceGroups', rg, 'providers', 'Microsoft.Compute', type, name, ...]
  if (s.length < 9 || s[0] !== '' || !eq(s[1], 'subscriptions') || !eq(s[3], 'resourcegroups') || !eq(s[5], 'providers') || !eq(s[6], 'microsoft.compute')) {
    return undefined;
  }
  if (s.slice(2).some((part) => part === '')) {
    return undefined;
  }
  const part = (n: number): string => decodeURIComponent(s[n]);
  const base = { id: trimmed, subscriptionId: part(2), resourceGroup: part(4) };
  if (eq(s[7], 'images') && s.length === 9) {
    return { ...base, kind: 'managedImage', image: part(8) };
  }
  if (!eq(s[7], 'galleries')) {
    return undefined;
  }
  if (s.length === 9) {
    return { ...base, kind: 'gallery', gallery: part(8) };
  }
  if (s.length === 11 && eq(s[9], 'images')) {
    return { ...base, kind: 'imageDefinition', gallery: part(8), imageDefinition: part(10) };
  }
  if (s.length === 13 && eq(s[9], 'images') && eq(s[11], 'versions')) {
    return { ...base, kind: 'imageVersion', gallery: part(8), imageDefinition: part(10), version: part(12) };
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
