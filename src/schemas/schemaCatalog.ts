/**
 * The generated body schemas, bundled (esbuild inlines the JSON) so the language service works offline and without
 * reading files, and the template-resource variants derived from them.
 */
import type { JSONSchema } from 'vscode-json-languageservice';
import applicationJson from './application.schema.json';
import applicationVersionJson from './applicationVersion.schema.json';
import galleryJson from './gallery.schema.json';
import imageDefinitionJson from './imageDefinition.schema.json';
import imageVersionJson from './imageVersion.schema.json';
import managedImageJson from './managedImage.schema.json';
import type { GalleryResourceKind } from './resourceKinds';

function asSchema(value: unknown, name: string): JSONSchema {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${name} is not a JSON schema object`);
  }
  return value;
}

const BODY_SCHEMAS: Readonly<Record<GalleryResourceKind, JSONSchema>> = {
  gallery: asSchema(galleryJson, 'gallery.schema.json'),
  imageDefinition: asSchema(imageDefinitionJson, 'imageDefinition.schema.json'),
  imageVersion: asSchema(imageVersionJson, 'imageVersion.schema.json'),
  application: asSchema(applicationJson, 'application.schema.json'),
  applicationVersion: asSchema(applicationVersionJson, 'applicationVersion.schema.json'),
  managedImage: asSchema(managedImageJson, 'managedImage.schema.json'),
};

/** The create (PUT) body schema of a kind. */
export function bodySchema(kind: GalleryResourceKind): JSONSchema {
  return BODY_SCHEMAS[kind];
}

const templateSchemas = new Map<GalleryResourceKind, JSONSchema>();

/**
 * The schema of a resource as written in an ARM template: the body schema's `definitions.templateResource` promoted
 * to the root, keeping the definitions it refers to.
 */
export function templateResourceSchema(kind: GalleryResourceKind): JSONSchema {
  let schema = templateSchemas.get(kind);
  if (!schema) {
    const body = BODY_SCHEMAS[kind];
    const resource = body.definitions?.['templateResource'];
    if (!resource) {
      throw new Error(`${kind}: the generated schema has no definitions.templateResource`);
    }
    schema = { $schema: body.$schema, title: body.title, markdownDescription: body.markdownDescription, ...resource, definitions: body.definitions };
    templateSchemas.set(kind, schema);
  }
  return schema;
}
