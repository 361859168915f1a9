/**
 * Generates src/schemas/<kind>.schema.json and <kind>.update.schema.json from Microsoft's material:
 *
 *   ../shared/reference/arm-template-schemas/*.json   ARM template schemas (structure, writable properties, enums, required)
 *   ../shared/spec/000_*, 001_*, 003_*                 swagger docs of GalleryImage, GalleryImageVersion, Image
 *   node_modules/@azure/arm-compute (models .d.ts)     read-only properties and documentation of the API the SDK speaks
 *   ./overlay.ts                                       hand-written enum descriptions, defaults, formats, snippets
 *
 * Run: npx tsx src/schemas/generate/generateSchemas.ts          (writes the files)
 *      npx tsx src/schemas/generate/generateSchemas.ts --check  (fails if the committed files are out of date)
 * The shared folder is found at ../shared relative to the repository root, or at $ACG_SHARED_DIR.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GalleryResourceKind } from '../resourceKinds';
import { GALLERY_RESOURCE_KINDS, RESOURCE_KIND_INFO } from '../resourceKinds';
import type { ArmSchemaFile, KindSources } from './buildSchemas';
import { buildKindSchemas } from './buildSchemas';
import { parseJsonFile } from './jsonValue';
import { SdkModelIndex } from './sdkModels';
import type { SwaggerDoc } from './swaggerDocs';
import { parseSwaggerDoc } from './swaggerDocs';

const schemasDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(schemasDir, '..', '..');

export class MissingSourceError extends Error {}

export function findSharedDir(): string {
  const dir = process.env['ACG_SHARED_DIR'] ?? path.resolve(repoRoot, '..', 'shared');
  const required = [
    'reference/arm-template-schemas/2025-12-03.Microsoft.Compute.json',
    'reference/arm-template-schemas/2026-03-01.Microsoft.Compute.json',
    'spec',
  ];
  const missing = required.filter((relative) => !fs.existsSync(path.join(dir, relative)));
  if (missing.length) {
    throw new MissingSourceError(
      `Cannot generate the schemas: the shared reference folder ${dir} is missing or incomplete (missing: ${missing.join(', ')}).\n` +
        `It is expected at ../shared next to the repository root (${repoRoot}) and holds Microsoft's ARM template schemas and swagger docs.\n` +
        'Point ACG_SHARED_DIR at a copy of it, or keep the committed src/schemas/*.schema.json files as they are.',
    );
  }
  return dir;
}

function readArm(file: string): ArmSchemaFile {
  return { source: path.basename(file), json: parseJsonFile(fs.readFileSync(file, 'utf8'), file) };
}

function readSwaggerDocs(specDir: string): Map<string, SwaggerDoc> {
  const docs = new Map<string, SwaggerDoc>();
  for (const file of fs.readdirSync(specDir).sort()) {
    const text = fs.readFileSync(path.join(specDir, file), 'utf8');
    if (text.includes('## Swagger Schema')) {
      const doc = parseSwaggerDoc(text, file);
      docs.set(doc.id, doc);
    }
  }
  return docs;
}

function sdkModelFiles(): string[] {
  const base = path.join(repoRoot, 'node_modules', '@azure', 'arm-compute', 'dist', 'esm', 'models');
  const files = ['computeGallery/models.d.ts', 'compute/models.d.ts', 'common/models.d.ts', 'models.d.ts'].map((file) => path.join(base, file));
  const missing = files.filter((file) => !fs.existsSync(file));
  if (missing.length) {
    throw new MissingSourceError(`Cannot read the @azure/arm-compute models (${missing.join(', ')}); run npm ci first.`);
  }
  return files;
}

export interface GeneratedFile {
  readonly fileName: string;
  readonly content: string;
}

export function generateSchemaFiles(log: (line: string) => void = () => undefined): GeneratedFile[] {
  const shared = findSharedDir();
  const armDir = path.join(shared, 'reference', 'arm-template-schemas');
  const galleryArm = readArm(path.join(armDir, '2025-12-03.Microsoft.Compute.json'));
  const computeArm = readArm(path.join(armDir, '2026-03-01.Microsoft.Compute.json'));
  const swagger = readSwaggerDocs(path.join(shared, 'spec'));
  const missingDocs = ['GalleryImage', 'GalleryImageVersion', 'Image'].filter((id) => !swagger.has(id));
  if (missingDocs.length) {
    throw new MissingSourceError(`Cannot generate the schemas: no swagger doc page with id ${missingDocs.join(', ')} in ${path.join(shared, 'spec')}.`);
  }
  const sdk = new SdkModelIndex(sdkModelFiles());

  const sources: Record<GalleryResourceKind, KindSources> = {
    gallery: { kind: 'gallery', arm: galleryArm, armResource: 'galleries', sdkResource: 'Gallery', sdkProperties: 'GalleryProperties', swagger: undefined },
    imageDefinition: {
      kind: 'imageDefinition',
      arm: galleryArm,
      armResource: 'galleries_images',
      sdkResource: 'GalleryImage',
      sdkProperties: 'GalleryImageProperties',
      swagger: swagger.get('GalleryImage'),
    },
    imageVersion: {
      kind: 'imageVersion',
      arm: galleryArm,
      armResource: 'galleries_images_versions',
      sdkResource: 'GalleryImageVersion',
      sdkProperties: 'GalleryImageVersionProperties',
      swagger: swagger.get('GalleryImageVersion'),
    },
    managedImage: { kind: 'managedImage', arm: computeArm, armResource: 'images', sdkResource: 'Image', sdkProperties: 'ImageProperties', swagger: swagger.get('Image') },
  };

  const files: GeneratedFile[] = [];
  for (const kind of GALLERY_RESOURCE_KINDS) {
    const built = buildKindSchemas(sources[kind], sdk);
    for (const note of built.notes) {
      log(`  note (${kind}): ${note}`);
    }
    const info = RESOURCE_KIND_INFO[kind];
    files.push({ fileName: info.schemaFile, content: `${JSON.stringify(built.create, null, 2)}\n` });
    files.push({ fileName: info.updateSchemaFile, content: `${JSON.stringify(built.update, null, 2)}\n` });
  }
  return files;
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  let files: GeneratedFile[];
  try {
    files = generateSchemaFiles((line) => console.log(line));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  let stale = 0;
  for (const file of files) {
    const target = path.join(schemasDir, file.fileName);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (current === file.content) {
      console.log(`unchanged  src/schemas/${file.fileName}`);
      continue;
    }
    if (check) {
      console.error(`out of date: src/schemas/${file.fileName} (run npx tsx src/schemas/generate/generateSchemas.ts)`);
      stale++;
    } else {
      fs.writeFileSync(target, file.content);
      console.log(`wrote      src/schemas/${file.fileName} (${Math.round(file.content.length / 1024)} KB)`);
    }
  }
  return stale ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
