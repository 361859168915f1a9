/**
 * Generates src/schemas/<kind>.schema.json and <kind>.update.schema.json from Microsoft's material:
 *
 *   test/fixtures/reference/arm-template-schemas/*.json  ARM template schemas (also the only source for VM applications) (structure, writable properties, enums, required)
 *   test/fixtures/reference/spec/000_*, 001_*, 003_*     swagger docs of GalleryImage, GalleryImageVersion, Image
 *   node_modules/@azure/arm-compute (models .d.ts)       read-only properties and documentation of the API the SDK speaks
 *   ./overlay.ts                                         hand-written enum descriptions, defaults, formats, snippets
 *
 * Run: npx tsx src/schemas/generate/generateSchemas.ts          (writes the files)
 *      npx tsx src/schemas/generate/generateSchemas.ts --check  (fails if the committed files are out of date; part of npm test)
 * The material is the repository's own copy in test/fixtures/reference (its SOURCES.md names upstream, path, commit and
 * license of every file), so a lone clone generates and checks the schemas.
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
import { isSwaggerDocPage, parseSwaggerDoc } from './swaggerDocs';

const schemasDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(schemasDir, '..', '..');

export class MissingSourceError extends Error {}

/** The repository's copy of Microsoft's reference material (test/fixtures/reference/SOURCES.md). */
export const REFERENCE_DIR = path.join(repoRoot, 'test', 'fixtures', 'reference');

/** The ARM template schemas the generator reads, in REFERENCE_DIR/arm-template-schemas. */
export const ARM_TEMPLATE_SCHEMA_FILES = {
  /** galleries, galleries/images, galleries/images/versions */
  gallery: '2025-12-03.Microsoft.Compute.json',
  /** images (managed images) */
  compute: '2026-03-01.Microsoft.Compute.json',
} as const;

/** `referenceDir` when it holds what the generator reads; otherwise a MissingSourceError that says how to restore it. */
export function checkReferenceDir(referenceDir: string = REFERENCE_DIR): string {
  const required = [...Object.values(ARM_TEMPLATE_SCHEMA_FILES).map((file) => `arm-template-schemas/${file}`), 'spec'];
  const missing = required.filter((relative) => !fs.existsSync(path.join(referenceDir, relative)));
  if (missing.length) {
    throw new MissingSourceError(
      `Cannot generate the schemas: the reference copy ${referenceDir} is incomplete (missing: ${missing.join(', ')}).\n` +
        'It is part of the repository: restore it with `git restore test/fixtures/reference`, or refresh it from the shared ' +
        'reference folder with `npx tsx test/fixtures/reference/refresh.ts <path-to-shared>`.',
    );
  }
  return referenceDir;
}

function readArm(file: string): ArmSchemaFile {
  return { source: path.basename(file), json: parseJsonFile(fs.readFileSync(file, 'utf8'), file) };
}

function readSwaggerDocs(specDir: string): Map<string, SwaggerDoc> {
  const docs = new Map<string, SwaggerDoc>();
  for (const file of fs.readdirSync(specDir).sort()) {
    const text = fs.readFileSync(path.join(specDir, file), 'utf8');
    if (isSwaggerDocPage(text)) {
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

export function generateSchemaFiles(log: (line: string) => void = () => undefined, referenceDir: string = REFERENCE_DIR): GeneratedFile[] {
  const reference = checkReferenceDir(referenceDir);
  const armDir = path.join(reference, 'arm-template-schemas');
  const galleryArm = readArm(path.join(armDir, ARM_TEMPLATE_SCHEMA_FILES.gallery));
  const computeArm = readArm(path.join(armDir, ARM_TEMPLATE_SCHEMA_FILES.compute));
  const specDir = path.join(reference, 'spec');
  const swagger = readSwaggerDocs(specDir);
  const missingDocs = ['GalleryImage', 'GalleryImageVersion', 'Image'].filter((id) => !swagger.has(id));
  if (missingDocs.length) {
    throw new MissingSourceError(`Cannot generate the schemas: no swagger doc page with id ${missingDocs.join(', ')} in ${specDir}.`);
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
    application: {
      kind: 'application',
      arm: galleryArm,
      armResource: 'galleries_applications',
      sdkResource: 'GalleryApplication',
      sdkProperties: 'GalleryApplicationProperties',
      swagger: undefined,
    },
    applicationVersion: {
      kind: 'applicationVersion',
      arm: galleryArm,
      armResource: 'galleries_applications_versions',
      sdkResource: 'GalleryApplicationVersion',
      sdkProperties: 'GalleryApplicationVersionProperties',
      swagger: undefined,
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
