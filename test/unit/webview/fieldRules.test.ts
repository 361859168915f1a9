import * as assert from 'node:assert/strict';
import {
  blobUriProblem,
  entityNameProblem,
  futureDateProblem,
  galleryNameProblem,
  identifierProblem,
  resourceGroupNameProblem,
  tagProblems,
  versionNameProblem,
} from '../../../src/webview/forms/fieldRules';

describe('form field rules (ARM_BEHAVIOUR.md §5)', () => {
  it('gallery names: letters, digits, underscores, periods; no dashes; ≤ 80', () => {
    for (const ok of ['a', 'contosoImages', 'shared_gallery.prod', 'G1', 'x'.repeat(80)]) {
      assert.equal(galleryNameProblem(ok), undefined, ok);
    }
    assert.match(galleryNameProblem('my-gallery') ?? '', /dash/);
    assert.match(galleryNameProblem('_lead') ?? '', /starts with/);
    assert.match(galleryNameProblem('.lead') ?? '', /starts with/);
    assert.match(galleryNameProblem('trail.') ?? '', /period/);
    // ARM: "underscores, and periods allowed in the middle" (issue 10: the form accepted "gallery_", the schema refused it).
    assert.match(galleryNameProblem('trail_') ?? '', /ends with a letter or a digit/);
    assert.match(galleryNameProblem('x'.repeat(81)) ?? '', /80/);
    assert.match(galleryNameProblem('sp ace') ?? '', /only/);
    assert.match(galleryNameProblem('') ?? '', /Enter/);
  });

  it('definition and managed image names follow ^[^_\\W][\\w-._]{0,79}(?<![-.])$', () => {
    const arm = /^[^_\W][\w-._]{0,79}(?<![-.])$/;
    for (const name of ['ubuntu-2404', 'ws2022_g2.tl', 'a', '-a', 'a-', 'a.', '_a', 'a_', 'a b', 'x'.repeat(80), 'x'.repeat(81), 'é']) {
      assert.equal(entityNameProblem(name, 'a name') === undefined, arm.test(name), name);
    }
  });

  it('version names: Major.Minor.Patch, each an int32', () => {
    assert.equal(versionNameProblem('1.0.0'), undefined);
    assert.equal(versionNameProblem('2147483647.0.2147483647'), undefined);
    assert.match(versionNameProblem('2147483648.0.0') ?? '', /2,147,483,647/);
    // Leading zeros are parsed away, but a part has at most 10 digits (src/domain/versions.ts says why).
    assert.equal(versionNameProblem('2024.01.05'), undefined);
    assert.equal(versionNameProblem('0000000001.0.0'), undefined);
    assert.equal(versionNameProblem('00000000001.0.0'), 'Each part of the version has at most 10 digits, leading zeros included.');
    for (const bad of ['1.0', '1.0.0.0', 'v1.0.0', '1.0.x', '1..0', '-1.0.0']) {
      assert.ok(versionNameProblem(bad), bad);
    }
  });

  it('publisher / offer / SKU, resource groups, dates, VHD URIs and tags', () => {
    assert.equal(identifierProblem('Contoso.Images-1_x', 'publisher', 128), undefined);
    assert.ok(identifierProblem('ends.', 'offer', 64));
    assert.ok(identifierProblem('x'.repeat(65), 'offer', 64));
    assert.equal(resourceGroupNameProblem('rg-images(prod)'), undefined);
    assert.ok(resourceGroupNameProblem('rg.'));
    const now = Date.parse('2026-11-22T12:00:00Z');
    assert.equal(futureDateProblem('2026-11-23', now), undefined);
    assert.match(futureDateProblem('2026-11-22', now) ?? '', /future/);
    assert.match(futureDateProblem('2026-02-30', now) ?? '', /YYYY-MM-DD/);
    assert.equal(blobUriProblem('https://acct.blob.core.windows.net/vhds/os.vhd'), undefined);
    assert.ok(blobUriProblem('http://acct.blob.core.windows.net/vhds/os.vhd'));
    assert.ok(blobUriProblem('https://acct.blob.core.windows.net/vhds/os.img'));
    const tags = tagProblems({ tags: [{ key: 'Env', value: 'prod' }, { key: 'env', value: 'x' }, { key: 'a/b', value: '' }, { key: '', value: 'v' }] });
    assert.deepEqual(Object.keys(tags).sort(), ['tags[1].key', 'tags[2].key', 'tags[3].key']);
  });
});
