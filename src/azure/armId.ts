import * as l10n from '@vscode/l10n';
/**
 * Typed Azure Resource Manager ids for the resource kinds this extension manages: galleries, image definitions and
 * versions, VM application definitions and versions (`galleries/{g}/applications/{a}/versions/{v}`), managed images.
 * ARM ids are case-insensitive; we keep the casing Azure returned for display and compare lower-cased.
 */

export type ArmResourceKind = 'gallery' | 'imageDefinition' | 'imageVersion' | 'application' | 'applicationVersion' | 'managedImage';

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
/** A VM application definition (`Microsoft.Compute/galleries/applications`). */
export interface ApplicationId extends ArmIdBase { readonly kind: 'application'; readonly gallery: string; readonly application: string }
/** A VM application version (`Microsoft.Compute/galleries/applications/versions`). */
export interface ApplicationVersionId extends ArmIdBase {
  readonly kind: 'applicationVersion';
  readonly gallery: string;
  readonly application: string;
  readonly version: string;
}
export interface ManagedImageId extends ArmIdBase { readonly kind: 'managedImage'; readonly image: string }
export type ComputeResourceId = GalleryId | ImageDefinitionId | ImageVersionId | ApplicationId | ApplicationVersionId | ManagedImageId;

const eq = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b;

/** One id segment decoded, or undefined when its `%` escapes are malformed ("%E0%A4%A", "%zz"). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with an id's text, in words a user can act on; undefined when nothing is.
 * A `.` or `..` segment (also written `%2E%2E`) would be resolved by the HTTP client before the request leaves,
 * so the request would reach another resource than the one named: such ids are never sent anywhere.
 */
export function armIdProblem(id: string): string | undefined {
  const shown = id.length > 200 ? `${id.slice(0, 200)}…` : id;
  const segments = (id.endsWith('/') ? id.slice(0, -1) : id).split('/').slice(1);
  for (const segment of segments) {
    const decoded = decodeSegment(segment);
    if (decoded === undefined) {
      return l10n.t('The resource ID "{0}" has a malformed %-escape in "{1}". Copy the ID again from Azure.', shown, segment);
    }
    if (decoded === '.' || decoded === '..') {
      return l10n.t('The resource ID "{0}" contains "{1}" as a name. IDs with "." or ".." segments are not sent to Azure; copy the ID again from Azure.', shown, segment);
    }
    if (segment !== decoded && /[/\\]/.test(decoded)) {
      return l10n.t('The resource ID "{0}" has an escaped slash in "{1}". Copy the ID again from Azure.', shown, segment);
    }
  }
  return undefined;
}

/**
 * Parses an ARM id of one of our kinds; returns undefined for anything else, including ids that
 * {@link armIdProblem} rejects. Never throws.
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
  if (armIdProblem(trimmed) !== undefined) {
    return undefined;
  }
  // Safe: armIdProblem decoded every segment.
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
  if (s.length === 11 && eq(s[9], 'applications')) {
    return { ...base, kind: 'application', gallery: part(8), application: part(10) };
  }
  if (s.length === 13 && eq(s[9], 'applications') && eq(s[11], 'versions')) {
    return { ...base, kind: 'applicationVersion', gallery: part(8), application: part(10), version: part(12) };
  }
  return undefined;
}

/** Like {@link parseComputeResourceId} but for a required kind; throws a readable error otherwise. */
export function parseIdOfKind<K extends ArmResourceKind>(id: string, kind: K): Extract<ComputeResourceId, { kind: K }> {
  const problem = armIdProblem(id);
  if (problem) {
    throw new Error(problem);
  }
  const parsed = parseComputeResourceId(id);
  if (!parsed || parsed.kind !== kind) {
    throw new Error(l10n.t('"{0}" is not the resource id of a {1}.', id, kindLabel(kind)));
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
  // Spelled out rather than spread: one per listed version (10,000-version lists), and one object shape.
  const { subscriptionId, resourceGroup, gallery, imageDefinition } = parent;
  return { kind: 'imageVersion', id: `${parent.id}/versions/${enc(version)}`, subscriptionId, resourceGroup, gallery, imageDefinition, version };
}
export function applicationId(parent: GalleryId, application: string): ApplicationId {
  const { subscriptionId, resourceGroup, gallery } = parent;
  return { kind: 'application', id: `${parent.id}/applications/${enc(application)}`, subscriptionId, resourceGroup, gallery, application };
}
export function applicationVersionId(parent: ApplicationId, version: string): ApplicationVersionId {
  const { subscriptionId, resourceGroup, gallery, application } = parent;
  return { kind: 'applicationVersion', id: `${parent.id}/versions/${enc(version)}`, subscriptionId, resourceGroup, gallery, application, version };
}
export function managedImageId(subscriptionId: string, resourceGroup: string, image: string): ManagedImageId {
  return { kind: 'managedImage', subscriptionId, resourceGroup, image, id: `${rgPath(subscriptionId, resourceGroup)}/images/${enc(image)}` };
}

export function kindLabel(kind: ArmResourceKind): string {
  switch (kind) {
    case 'gallery':
      return l10n.t('gallery');
    case 'imageDefinition':
      return l10n.t('image definition');
    case 'imageVersion':
      return l10n.t('image version');
    case 'application':
      return l10n.t('VM application');
    case 'applicationVersion':
      return l10n.t('VM application version');
    case 'managedImage':
      return l10n.t('managed image');
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
    case 'application':
      return `${id.gallery}/${id.application}`;
    case 'applicationVersion':
      return `${id.gallery}/${id.application}/${id.version}`;
    case 'managedImage':
      return id.image;
  }
}

/** ARM ids compare case-insensitively. */
export function sameArmId(a: string, b: string): boolean {
  // Equal text is the common case (every item of a 10,000-version list is checked against its built id).
  return a === b || a.replace(/\/$/, '').toLowerCase() === b.replace(/\/$/, '').toLowerCase();
}

/**
 * The same resource, whichever way each side wrote its id: names compared decoded and without case.
 * Azure returns ids with names as they are ("rg-café"); ids built here escape them ("rg-caf%C3%A9").
 */
export function sameResource(a: string, b: string): boolean {
  const x = parseComputeResourceId(a);
  const y = parseComputeResourceId(b);
  if (!x || !y || x.kind !== y.kind) {
    return false;
  }
  const fold = (name: string | undefined): string | undefined => name?.normalize('NFC').toLowerCase();
  const other = nameParts(y);
  return nameParts(x).every((part, i) => fold(part) === fold(other[i]));
}

function nameParts(id: ComputeResourceId): string[] {
  const base = [id.subscriptionId, id.resourceGroup];
  switch (id.kind) {
    case 'gallery':
      return [...base, id.gallery];
    case 'imageDefinition':
      return [...base, id.gallery, id.imageDefinition];
    case 'imageVersion':
      return [...base, id.gallery, id.imageDefinition, id.version];
    case 'application':
      return [...base, id.gallery, id.application];
    case 'applicationVersion':
      return [...base, id.gallery, id.application, id.version];
    case 'managedImage':
      return [...base, id.image];
  }
}
