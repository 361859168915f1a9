/**
 * The resource kinds this folder serves, and the facts about them that the schemas, the template analysis
 * and the language service share. Pure data: no 'vscode', no file system.
 */

export type GalleryResourceKind = 'gallery' | 'imageDefinition' | 'imageVersion' | 'application' | 'applicationVersion' | 'managedImage';

export const GALLERY_RESOURCE_KINDS: readonly GalleryResourceKind[] = ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage'];

export interface ResourceKindInfo {
  readonly kind: GalleryResourceKind;
  /** Full ARM resource type, as Microsoft spells it. */
  readonly armType: string;
  /** What users call it. */
  readonly displayName: string;
  /** Segments of the full resource name: gallery = 1, gallery/image = 2, gallery/image/version = 3. */
  readonly nameSegments: number;
  /** The type written for a child declared inside its parent's `resources` ("images", "versions"). */
  readonly childTypeSegment: string | undefined;
  /** The kind a nested declaration of this kind must sit under. */
  readonly parentKind: GalleryResourceKind | undefined;
  /** API version the shipped schemas describe (the one @azure/arm-compute 25 speaks). */
  readonly latestApiVersion: string;
  /** Schema file (next to this module) for create (PUT) bodies. */
  readonly schemaFile: string;
  /** Schema file for update (PATCH) bodies. */
  readonly updateSchemaFile: string;
  /** Body files whose names end like this get the create schema (contributed through `jsonValidation`). */
  readonly bodyFileSuffix: string;
  /** Body files whose names end like this get the update schema. */
  readonly updateBodyFileSuffix: string;
}

export const RESOURCE_KIND_INFO: Readonly<Record<GalleryResourceKind, ResourceKindInfo>> = {
  gallery: {
    kind: 'gallery',
    armType: 'Microsoft.Compute/galleries',
    displayName: 'gallery',
    nameSegments: 1,
    childTypeSegment: undefined,
    parentKind: undefined,
    latestApiVersion: '2025-12-03',
    schemaFile: 'gallery.schema.json',
    updateSchemaFile: 'gallery.update.schema.json',
    bodyFileSuffix: '.gallery.json',
    updateBodyFileSuffix: '.gallery.patch.json',
  },
  imageDefinition: {
    kind: 'imageDefinition',
    armType: 'Microsoft.Compute/galleries/images',
    displayName: 'image definition',
    nameSegments: 2,
    childTypeSegment: 'images',
    parentKind: 'gallery',
    latestApiVersion: '2025-12-03',
    schemaFile: 'imageDefinition.schema.json',
    updateSchemaFile: 'imageDefinition.update.schema.json',
    bodyFileSuffix: '.imagedefinition.json',
    updateBodyFileSuffix: '.imagedefinition.patch.json',
  },
  imageVersion: {
    kind: 'imageVersion',
    armType: 'Microsoft.Compute/galleries/images/versions',
    displayName: 'image version',
    nameSegments: 3,
    childTypeSegment: 'versions',
    parentKind: 'imageDefinition',
    latestApiVersion: '2025-12-03',
    schemaFile: 'imageVersion.schema.json',
    updateSchemaFile: 'imageVersion.update.schema.json',
    bodyFileSuffix: '.imageversion.json',
    updateBodyFileSuffix: '.imageversion.patch.json',
  },
  application: {
    kind: 'application',
    armType: 'Microsoft.Compute/galleries/applications',
    displayName: 'VM application',
    nameSegments: 2,
    childTypeSegment: 'applications',
    parentKind: 'gallery',
    latestApiVersion: '2025-12-03',
    schemaFile: 'application.schema.json',
    updateSchemaFile: 'application.update.schema.json',
    bodyFileSuffix: '.application.json',
    updateBodyFileSuffix: '.application.patch.json',
  },
  applicationVersion: {
    kind: 'applicationVersion',
    armType: 'Microsoft.Compute/galleries/applications/versions',
    displayName: 'VM application version',
    nameSegments: 3,
    childTypeSegment: 'versions',
    parentKind: 'application',
    latestApiVersion: '2025-12-03',
    schemaFile: 'applicationVersion.schema.json',
    updateSchemaFile: 'applicationVersion.update.schema.json',
    bodyFileSuffix: '.applicationversion.json',
    updateBodyFileSuffix: '.applicationversion.patch.json',
  },
  managedImage: {
    kind: 'managedImage',
    armType: 'Microsoft.Compute/images',
    displayName: 'managed image',
    nameSegments: 1,
    childTypeSegment: undefined,
    parentKind: undefined,
    latestApiVersion: '2026-04-01',
    schemaFile: 'managedImage.schema.json',
    updateSchemaFile: 'managedImage.update.schema.json',
    bodyFileSuffix: '.image.json',
    updateBodyFileSuffix: '.image.patch.json',
  },
};

/** The kind of a full ARM type, compared case-insensitively as ARM does. */
export function kindOfArmType(type: string): GalleryResourceKind | undefined {
  const wanted = type.trim().toLowerCase();
  for (const kind of GALLERY_RESOURCE_KINDS) {
    if (RESOURCE_KIND_INFO[kind].armType.toLowerCase() === wanted) {
      return kind;
    }
  }
  return undefined;
}

export type BodyFileVariant = 'create' | 'update';

/**
 * Which body schema a file name gets, by the same suffixes the `jsonValidation` contribution uses.
 * Compared case-insensitively so `my.imageVersion.json` works too.
 */
export function bodyKindOfFileName(fileNameOrPath: string): { kind: GalleryResourceKind; variant: BodyFileVariant } | undefined {
  const lower = fileNameOrPath.toLowerCase();
  for (const kind of GALLERY_RESOURCE_KINDS) {
    const info = RESOURCE_KIND_INFO[kind];
    if (lower.endsWith(info.updateBodyFileSuffix)) {
      return { kind, variant: 'update' };
    }
    if (lower.endsWith(info.bodyFileSuffix)) {
      return { kind, variant: 'create' };
    }
  }
  return undefined;
}
