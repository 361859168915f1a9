/**
 * What the lead merges into package.json (contributes.json), the snippets it points at and the new-file content:
 * every path exists, every starting point validates with no diagnostics.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-json-languageservice';
import { GalleryTemplateLanguageService } from '../../../src/schemas/GalleryTemplateLanguageService';
import { newResourceFileContent, newResourceFileName } from '../../../src/schemas/newResourceFile';
import { bodyKindOfFileName, GALLERY_RESOURCE_KINDS, RESOURCE_KIND_INFO } from '../../../src/schemas/resourceKinds';
import { contributedFile, contributions, expandSnippet, messages, readJson, validateBody } from './schemaTestSupport';

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly body: readonly string[];
  readonly description: string;
}

const NOW = new Date('2026-06-01T00:00:00Z');

function snippets(file: string): Record<string, Snippet> {
  return readJson<Record<string, Snippet>>(contributedFile(file));
}

describe('contributions', () => {
  it('associates each body file suffix with an existing schema, the way resourceKinds classifies file names', () => {
    const entries = contributions().jsonValidation;
    for (const kind of GALLERY_RESOURCE_KINDS) {
      const info = RESOURCE_KIND_INFO[kind];
      const create = entries.find((entry) => entry.fileMatch.includes(`*${info.bodyFileSuffix}`));
      const update = entries.find((entry) => entry.fileMatch.includes(`*${info.updateBodyFileSuffix}`));
      assert.equal(create?.url, `./src/schemas/${info.schemaFile}`, kind);
      assert.equal(update?.url, `./src/schemas/${info.updateSchemaFile}`, kind);
    }
    for (const entry of entries) {
      assert.ok(fs.existsSync(contributedFile(entry.url)), entry.url);
      for (const pattern of entry.fileMatch) {
        assert.ok(pattern.startsWith('*.'), `${pattern}: VS Code matches fileMatch at the end of the path`);
        const classified = bodyKindOfFileName(`/work/requests/example${pattern.slice(1)}`);
        assert.ok(classified, pattern);
        const info = RESOURCE_KIND_INFO[classified.kind];
        assert.equal(entry.url.endsWith(classified.variant === 'update' ? info.updateSchemaFile : info.schemaFile), true, pattern);
      }
    }
  });

  it('contributes both snippet files for json, jsonc and arm-template, and a setting with a description per value', () => {
    const { snippets: entries, configuration, commands } = contributions();
    for (const language of ['json', 'jsonc', 'arm-template']) {
      assert.ok(entries.some((entry) => entry.language === language && entry.path.endsWith('armTemplate.snippets.json')), language);
      assert.ok(entries.some((entry) => entry.language === language && entry.path.endsWith('resourceBody.snippets.json')), language);
    }
    for (const entry of entries) {
      assert.ok(fs.existsSync(contributedFile(entry.path)), entry.path);
      assert.match(entry.path, /^\.\/src\/schemas\/[^/]+\.json$/, 'packaged by .vscodeignore (!src/schemas/*.json)');
    }
    const setting = configuration.properties['azureComputeGallery.templates.schemaFeatures'] as { enum: string[]; enumDescriptions: string[]; default: string };
    assert.deepEqual(setting.enum, ['auto', 'on', 'off']);
    assert.equal(setting.enumDescriptions.length, 3);
    assert.equal(setting.default, 'auto');
    assert.deepEqual(
      commands.map((command) => command.command),
      ['azureComputeGallery.newResourceFile'],
    );
  });

  it('each template-resource snippet, expanded with its defaults, is a resource with no diagnostics', async () => {
    const all = Object.entries(snippets('./src/schemas/armTemplate.snippets.json'));
    assert.equal(all.length, 6);
    const resources = all.map(([, snippet]) => expandSnippet(snippet.body)).join(',\n');
    const text = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "sourceImageId": { "type": "string" }, "packageUrl": { "type": "securestring" } },
  "resources": [
${resources}
  ]
}`;
    const service = new GalleryTemplateLanguageService({ now: () => NOW });
    const document = TextDocument.create('file:///work/deploy/snippets.json', 'json', 1, text);
    assert.deepEqual(
      service.templateResources(document).map((resource) => resource.kind),
      ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage'],
    );
    assert.deepEqual(messages(await service.doValidation(document)), []);
  });

  it('each body snippet, expanded with its defaults, validates as its body file', async () => {
    const all = snippets('./src/schemas/resourceBody.snippets.json');
    const suffixes: Record<string, string> = {
      'acg-body-gallery': '.gallery.json',
      'acg-body-image-definition': '.imagedefinition.json',
      'acg-body-image-version': '.imageversion.json',
      'acg-body-application': '.application.json',
      'acg-body-application-version': '.applicationversion.json',
      'acg-body-managed-image': '.image.json',
    };
    assert.deepEqual(Object.values(all).map((snippet) => snippet.prefix).sort(), Object.keys(suffixes).sort());
    for (const snippet of Object.values(all)) {
      const fileName = `new${suffixes[String(snippet.prefix)] ?? ''}`;
      const text = expandSnippet(snippet.body);
      assert.deepEqual(messages(await validateBody(fileName, text)), [], fileName);
      const service = new GalleryTemplateLanguageService({ now: () => NOW });
      assert.deepEqual(messages(await service.doValidation(TextDocument.create(`file:///work/${fileName}`, 'json', 1, text))), [], fileName);
    }
  });

  it('new resource files validate with no diagnostics, create and update, and are named for their schema', async () => {
    for (const kind of GALLERY_RESOURCE_KINDS) {
      for (const variant of ['create', 'update'] as const) {
        const fileName = newResourceFileName(kind, 'starter', variant);
        assert.deepEqual(bodyKindOfFileName(fileName), { kind, variant });
        const text = newResourceFileContent(kind, { variant, location: 'northeurope', subscriptionId: '11111111-2222-3333-4444-555555555555' });
        assert.ok(text.endsWith('}\n'));
        assert.deepEqual(messages(await validateBody(fileName, text)), [], fileName);
        const service = new GalleryTemplateLanguageService({ now: () => NOW });
        assert.deepEqual(messages(await service.doValidation(TextDocument.create(`file:///work/${fileName}`, 'json', 1, text))), [], fileName);
      }
    }
    assert.equal(newResourceFileName('imageVersion', 'ubuntu.imageversion'), 'ubuntu.imageversion.json');
    assert.equal(newResourceFileName('gallery', 'team.json'), 'team.gallery.json');
  });
});
