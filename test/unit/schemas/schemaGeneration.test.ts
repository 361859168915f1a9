import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JSONSchema } from 'vscode-json-languageservice';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { ARM_TEMPLATE_SCHEMA_FILES, checkReferenceDir, generateSchemaFiles, MissingSourceError, REFERENCE_DIR } from '../../../src/schemas/generate/generateSchemas';
import { GALLERY_RESOURCE_KINDS, RESOURCE_KIND_INFO } from '../../../src/schemas/resourceKinds';
import { readJson, repoRoot, schemasDir } from './schemaTestSupport';

const schemaFiles = GALLERY_RESOURCE_KINDS.flatMap((kind) => [RESOURCE_KIND_INFO[kind].schemaFile, RESOURCE_KIND_INFO[kind].updateSchemaFile]);

/** Every (sub)schema of a schema document, with its JSON pointer. */
function* walk(value: unknown, pointer = ''): Generator<{ pointer: string; schema: Record<string, unknown> }> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      yield* walk(item, `${pointer}/${index}`);
    }
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    yield { pointer, schema: record };
    for (const [key, child] of Object.entries(record)) {
      if (key !== 'defaultSnippets' && key !== 'default' && key !== 'enum' && key !== 'const') {
        yield* walk(child, `${pointer}/${key}`);
      }
    }
  }
}

describe('schema generation', () => {
  it('the committed schemas are what the generator produces from the reference copy in the repository', () => {
    for (const file of generateSchemaFiles()) {
      const committed = fs.readFileSync(path.join(schemasDir, file.fileName), 'utf8');
      assert.equal(committed, file.content, `src/schemas/${file.fileName} is out of date: run npx tsx src/schemas/generate/generateSchemas.ts`);
    }
  });

  it('reads its sources from the repository, so a lone clone can generate and check the schemas', () => {
    assert.equal(path.relative(repoRoot, REFERENCE_DIR), path.join('test', 'fixtures', 'reference'));
    assert.equal(checkReferenceDir(), REFERENCE_DIR);
  });

  it('fails with a clear message, naming what is missing and how to restore it, when the reference copy is incomplete', () => {
    const incomplete = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-reference-'));
    try {
      fs.mkdirSync(path.join(incomplete, 'spec'));
      assert.throws(
        () => generateSchemaFiles(undefined, incomplete),
        (error: unknown) =>
          error instanceof MissingSourceError &&
          error.message.includes(`reference copy ${incomplete} is incomplete`) &&
          error.message.includes(`arm-template-schemas/${ARM_TEMPLATE_SCHEMA_FILES.gallery}`) &&
          !error.message.includes('missing: spec') &&
          error.message.includes('git restore test/fixtures/reference') &&
          error.message.includes('npx tsx test/fixtures/reference/refresh.ts <path-to-shared>'),
      );
    } finally {
      fs.rmSync(incomplete, { recursive: true, force: true });
    }
  });

  it('every schema is valid against the JSON Schema draft-07 meta-schema, as VS Code checks it', async () => {
    const service = getLanguageService({});
    for (const file of schemaFiles) {
      const document = TextDocument.create(`file:///schemas/${file}`, 'json', 1, fs.readFileSync(path.join(schemasDir, file), 'utf8'));
      const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
      assert.deepEqual(
        diagnostics.map((d) => `${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`),
        [],
        file,
      );
      assert.equal(readJson<JSONSchema>(path.join(schemasDir, file)).$schema, 'http://json-schema.org/draft-07/schema#');
    }
  });

  it('every $ref resolves, every enum has a description per value, every read-only property is hidden from completion', () => {
    for (const file of schemaFiles) {
      const root = readJson<JSONSchema>(path.join(schemasDir, file));
      for (const { pointer, schema } of walk(root)) {
        const ref = schema['$ref'];
        if (typeof ref === 'string') {
          const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
          assert.ok(name && root.definitions?.[name], `${file}${pointer}: unresolved $ref ${ref}`);
        }
        const values = schema['enum'];
        if (Array.isArray(values)) {
          const markdown = schema['markdownEnumDescriptions'];
          const plain = schema['enumDescriptions'];
          assert.ok(Array.isArray(markdown) && markdown.length === values.length, `${file}${pointer}: markdownEnumDescriptions`);
          assert.ok(Array.isArray(plain) && plain.length === values.length, `${file}${pointer}: enumDescriptions`);
        }
        if (schema['readOnly'] === true) {
          assert.equal(schema['doNotSuggest'], true, `${file}${pointer}: read-only but suggested`);
        }
      }
    }
  });

  it('knows the read-only properties Azure returns (from the SDK models and swagger docs)', () => {
    const readOnly = (file: string): string[] =>
      [...walk(readJson<JSONSchema>(path.join(schemasDir, file)))].filter(({ schema }) => schema['readOnly'] === true).map(({ pointer }) => pointer.replace(/\/properties\//g, '.'));
    assert.ok(readOnly('gallery.schema.json').includes('/definitions/GalleryIdentifier.uniqueName'));
    assert.ok(readOnly('gallery.schema.json').includes('/definitions/GalleryProperties.sharingStatus'));
    assert.ok(readOnly('gallery.schema.json').includes('/definitions/GalleryProperties.provisioningState'));
    assert.ok(readOnly('imageVersion.schema.json').includes('/definitions/GalleryImageVersionProperties.replicationStatus'));
    assert.ok(readOnly('imageVersion.schema.json').includes('/definitions/GalleryImageVersionPublishingProfile.publishedDate'));
    assert.ok(readOnly('imageVersion.schema.json').includes('/definitions/GalleryOSDiskImage.sizeInGB'));
    assert.ok(readOnly('managedImage.schema.json').includes('/definitions/ImageProperties.provisioningState'));
  });

  it('states the decisions: PUT bodies require location, PATCH bodies do not, a gallery needs no properties', () => {
    const create = (kind: (typeof GALLERY_RESOURCE_KINDS)[number]) => readJson<JSONSchema>(path.join(schemasDir, RESOURCE_KIND_INFO[kind].schemaFile));
    const update = (kind: (typeof GALLERY_RESOURCE_KINDS)[number]) => readJson<JSONSchema>(path.join(schemasDir, RESOURCE_KIND_INFO[kind].updateSchemaFile));
    assert.deepEqual(create('gallery').required, ['location']);
    assert.deepEqual(create('imageDefinition').required, ['location', 'properties']);
    assert.deepEqual(create('imageVersion').required, ['location', 'properties']);
    assert.deepEqual(create('managedImage').required, ['location', 'properties']);
    for (const kind of GALLERY_RESOURCE_KINDS) {
      assert.equal(update(kind).required, undefined, kind);
      assert.equal(update(kind).properties?.['location'] && (update(kind).properties?.['location'] as JSONSchema).doNotSuggest, true, kind);
    }
  });
});
