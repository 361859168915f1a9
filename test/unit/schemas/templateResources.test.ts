import * as assert from 'node:assert/strict';
import { generateBenchTemplate } from '../../../src/schemas/bench/templateBench';
import type { TemplateAnalysis } from '../../../src/schemas/templateResources';
import { analyzeTemplateText, findChange, resourceAtOffset, updateTemplateAnalysis } from '../../../src/schemas/templateResources';
import { fixture } from './schemaTestSupport';

function summary(analysis: TemplateAnalysis): string[] {
  return analysis.resources.map((r) => `${r.kind} ${r.fullType} ${r.name ?? '?'}${r.nested ? ' nested' : ''}${r.existing ? ' existing' : ''}${r.symbolicName ? ` @${r.symbolicName}` : ''}`);
}

/** Everything but the ids, which differ between a full and an incremental analysis. */
function comparable(analysis: TemplateAnalysis): unknown {
  return { ...analysis, resources: analysis.resources.map(({ id: _id, ...rest }) => rest) };
}

describe('template analysis', () => {
  it('finds top-level resources with full types and multi-segment names', () => {
    const analysis = analyzeTemplateText(fixture('olderApiVersions.json'));
    assert.equal(analysis.isTemplate, true);
    assert.deepEqual(summary(analysis), [
      'gallery Microsoft.Compute/galleries legacyGallery',
      'imageDefinition Microsoft.Compute/galleries/images legacyGallery/centos-7',
      'imageVersion Microsoft.Compute/galleries/images/versions legacyGallery/centos-7/7.9.2009',
      'managedImage Microsoft.Compute/images centos-7-base',
    ]);
    assert.deepEqual(
      analysis.resources.map((r) => r.apiVersion),
      ['2019-03-01', '2019-07-01', '2022-03-03', '2019-07-01'],
    );
  });

  it('resolves nested child types against their parents ("images" under a gallery, "versions" under a definition)', () => {
    const analysis = analyzeTemplateText(fixture('nestedChildren.json'));
    assert.deepEqual(summary(analysis), [
      'gallery Microsoft.Compute/galleries platform_images',
      'imageDefinition Microsoft.Compute/galleries/images windows-2022-gen2 nested',
      'imageVersion Microsoft.Compute/galleries/images/versions 2024.11.0 nested',
      'imageVersion Microsoft.Compute/galleries/images/versions platform_images/windows-2022-gen2/2024.12.1 nested',
    ]);
    const version = analysis.resources[2];
    assert.deepEqual(version?.parentNames, ['platform_images', 'windows-2022-gen2']);
    assert.equal(version?.parentType, 'Microsoft.Compute/galleries/images');
  });

  it('reads languageVersion 2.0 symbolic names and existing references', () => {
    assert.deepEqual(summary(analyzeTemplateText(fixture('symbolicNames.json'))), [
      "gallery Microsoft.Compute/galleries [parameters('galleryName')] existing @gallery",
      "imageDefinition Microsoft.Compute/galleries/images [format('{0}/{1}', parameters('galleryName'), 'ubuntu-24')] @definition",
      "imageVersion Microsoft.Compute/galleries/images/versions [format('{0}/{1}/{2}', parameters('galleryName'), 'ubuntu-24', '1.0.0')] @version",
      'managedImage Microsoft.Compute/images legacy-image existing @existingImage',
    ]);
  });

  it('looks into the inner templates of nested deployments, in JSONC with comments', () => {
    assert.deepEqual(summary(analyzeTemplateText(fixture('nestedDeployment.jsonc'))), [
      'gallery Microsoft.Compute/galleries nestedGallery',
      'imageDefinition Microsoft.Compute/galleries/images nestedGallery/tools',
    ]);
  });

  it('ignores JSON that is not a deployment template, and compares types case-insensitively', () => {
    assert.equal(analyzeTemplateText('{ "resources": [ { "type": "Microsoft.Compute/galleries" } ] }').isTemplate, false);
    assert.equal(analyzeTemplateText('{ "$schema": "https://json.schemastore.org/package", "resources": [] }').isTemplate, false);
    const lower = analyzeTemplateText('{ "contentVersion": "1.0.0.0", "resources": [ { "type": "microsoft.compute/GALLERIES", "name": "g" } ] }');
    assert.deepEqual(summary(lower), ['gallery microsoft.compute/GALLERIES g']);
  });

  it('returns the innermost resource at an offset, and the object ranges', () => {
    const text = fixture('nestedChildren.json');
    const analysis = analyzeTemplateText(text);
    const inVersion = text.indexOf('"replicaCount": "1"');
    assert.equal(resourceAtOffset(analysis, inVersion)?.name, '2024.11.0');
    assert.equal(resourceAtOffset(analysis, text.indexOf('"allowUpdateImage"'))?.kind, 'imageDefinition');
    assert.equal(resourceAtOffset(analysis, text.indexOf('"sharingProfile"'))?.kind, 'gallery');
    assert.equal(resourceAtOffset(analysis, text.indexOf('"parameters"')), undefined);
    for (const resource of analysis.resources) {
      assert.equal(text[resource.offset], '{');
      assert.equal(text[resource.offset + resource.length - 1], '}');
      if (resource.nameRange) {
        assert.equal(JSON.parse(text.slice(resource.nameRange.offset, resource.nameRange.offset + resource.nameRange.length)), resource.name);
      }
    }
  });

  it('finds the changed range between two versions', () => {
    assert.equal(findChange('abc', 'abc'), undefined);
    assert.deepEqual(findChange('abcdef', 'abXYdef'), { start: 2, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(findChange('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    const long = 'x'.repeat(10000);
    assert.deepEqual(findChange(`${long}1${long}`, `${long}22${long}`), { start: 10000, oldEnd: 10001, newEnd: 10002 });
  });

  it('updates incrementally with the same result as a full analysis, re-parsing only the edited resource', () => {
    const template = generateBenchTemplate(800);
    let text = template.text;
    let analysis = analyzeTemplateText(text);
    const edits: Array<(current: string) => string> = [
      (t) => t.replace('"excludeFromLatest": false', '"excludeFromLatest": true'),
      (t) => t.replace('"name": "1.0.1"', '"name": "1.0.10"'),
      (t) => t.replace('"osType": "Linux"', '"osType": "Windows", "eula": "x"'),
      (t) => t.replace('"type": "versions"', '"type": "somethingElse"'), // a version stops being ours
      (t) => t.replace('"properties": { "description": "Gallery 1" }', '"properties": { "description": "Gallery 1" }, "resources": [ { "type": "images", "name": "added" } ]'),
      (t) => t.replace('"contentVersion": "1.0.0.0",', '"contentVersion": "1.0.0.1",'), // outside any resource
      (t) => t.replace('{ "name": "northeurope"', '{ "name": "northeurope" } ] } } } ] } ] }, { "x": 1, "y": [ { "name": "z"'), // breaks the structure
    ];
    const kinds: string[] = [];
    for (const edit of edits) {
      const next = edit(text);
      assert.notEqual(next, text);
      const update = updateTemplateAnalysis(analysis, text, next);
      kinds.push(update.reparsed);
      assert.deepEqual(comparable(update.analysis), comparable(analyzeTemplateText(next)));
      text = next;
      analysis = update.analysis;
    }
    assert.deepEqual(kinds.slice(0, 4), ['resource', 'resource', 'resource', 'resource']);
    assert.equal(kinds[5], 'document');
  });

  it('keeps the ids of resources the edit did not touch', () => {
    const template = generateBenchTemplate(400);
    const before = analyzeTemplateText(template.text);
    const next = template.text.replace('"endOfLifeDate": "2099-12-31T00:00:00Z"', '"endOfLifeDate": "2098-12-31T00:00:00Z"');
    const update = updateTemplateAnalysis(before, template.text, next);
    const changed = update.analysis.resources.filter((resource) => !before.resources.some((old) => old.id === resource.id));
    assert.equal(changed.length, 1);
    assert.equal(changed[0]?.kind, 'imageVersion');
    assert.ok(update.replacedIds !== 'all' && update.replacedIds.size === 1);
  });

  it('stays equal to a full analysis under random keystrokes, including ones that break the JSON', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['{', '}', '[', ']', '"', ',', ':', ' ', '\n', 'a', '1', '"type": "images"', '"resources": ['];
    let text = generateBenchTemplate(300).text;
    let analysis = analyzeTemplateText(text);
    let mismatches = 0;
    for (let step = 0; step < 400; step++) {
      const at = random(text.length);
      const next = random(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(3)) : text.slice(0, at) + (alphabet[random(alphabet.length)] ?? '') + text.slice(at);
      const update = updateTemplateAnalysis(analysis, text, next);
      if (JSON.stringify(comparable(update.analysis)) !== JSON.stringify(comparable(analyzeTemplateText(next)))) {
        mismatches++;
      }
      text = next;
      analysis = update.analysis;
    }
    assert.equal(mismatches, 0);
  });
});
