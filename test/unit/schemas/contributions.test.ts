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
import { parseSnippetFile, readSnippetFiles, TEMPLATE_SNIPPET_FILES } from '../../../src/schemas/templateSnippets';
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

  it('contributes both snippet files for json and jsonc (arm-template gets them from the completion provider), and a setting with a description per value', () => {
    const { snippets: entries, configuration, commands } = contributions();
    for (const language of ['json', 'jsonc']) {
      assert.ok(entries.some((entry) => entry.language === language && entry.path.endsWith('armTemplate.snippets.json')), language);
      assert.ok(entries.some((entry) => entry.language === language && entry.path.endsWith('resourceBody.snippets.json')), language);
    }
    // A manifest snippet for a language that only another extension declares (arm-template: ARM Tools) is an error VS
    // Code reports against this extension wherever that extension is not installed.
    assert.deepEqual([...new Set(entries.map((entry) => entry.language))].sort(), ['json', 'jsonc']);
    assert.deepEqual(
      TEMPLATE_SNIPPET_FILES.map((file) => `./src/schemas/${file}`),
      [...new Set(entries.map((entry) => entry.path))],
      'the provider offers the same files the manifest gives json and jsonc',
    );
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
  it('the snippet files read as completion entries for arm-template: one per prefix, with the body VS Code would insert', () => {
    for (const file of TEMPLATE_SNIPPET_FILES) {
      const text = fs.readFileSync(contributedFile(`./src/schemas/${file}`), 'utf8');
      const { snippets: entries, problems } = parseSnippetFile(text, file);
      assert.deepEqual(problems, [], file);
      const manifest = snippets(`./src/schemas/${file}`);
      const expected = Object.entries(manifest).flatMap(([name, s]) => (typeof s.prefix === 'string' ? [s.prefix] : s.prefix).map((prefix) => ({ prefix, name, description: s.description, body: s.body.join('\n') })));
      assert.deepEqual(entries, expected, file);
    }
    const gallery = parseSnippetFile(fs.readFileSync(contributedFile('./src/schemas/armTemplate.snippets.json'), 'utf8'), 'armTemplate.snippets.json').snippets.find((e) => e.prefix === 'acg-gallery');
    assert.match(gallery?.body ?? '', /^\{\n\t"type": "Microsoft\.Compute\/galleries",\n/);
  });

  it('a snippet file that is not well formed gives no entries and says what is wrong, entry by entry', () => {
    assert.deepEqual(parseSnippetFile('{', 'x.json').snippets, []);
    assert.match(parseSnippetFile('{', 'x.json').problems[0], /^x\.json: SyntaxError/);
    assert.deepEqual(parseSnippetFile('[]', 'x.json').problems, ['x.json: not an object of snippets']);
    const mixed = parseSnippetFile(JSON.stringify({ good: { prefix: 'a', body: 'b' }, bad: { prefix: 'c' }, worse: 'd' }), 'x.json');
    assert.deepEqual(mixed.snippets, [{ prefix: 'a', name: 'good', description: '', body: 'b' }]);
    assert.deepEqual(mixed.problems, ['x.json: snippet "bad" has no prefix or body', 'x.json: snippet "worse" has no prefix or body']);
  });

  it('a snippet file that cannot be read leaves its entries out and says so; the other file is still offered', async () => {
    const { snippets: entries, problems } = await readSnippetFiles((file) =>
      file === 'armTemplate.snippets.json' ? Promise.reject(new Error('ENOENT: no such file')) : Promise.resolve(fs.readFileSync(contributedFile(`./src/schemas/${file}`), 'utf8')),
    );
    assert.deepEqual(problems, ["armTemplate.snippets.json: couldn't be read: Error: ENOENT: no such file"]);
    assert.ok(entries.length > 0 && entries.every((e) => !e.prefix.startsWith('acg-gallery')), 'the body-file snippets only');
  });
});
