import * as assert from 'node:assert/strict';
import {
  GALLERY_NAME_PATTERN,
  galleryNameRule,
  IMAGE_DEFINITION_NAME_PATTERN,
  identifierPattern,
  identifierRule,
  imageDefinitionNameRule,
  MANAGED_IMAGE_NAME_PATTERN,
  managedImageNameRule,
  resourceGroupNameRule,
} from '../../../src/domain/names';

const ALPHABET = ['a', 'Z', '0', '_', '.', '-', 'é', ' ', '!', '/'];

/** Every string of 1–4 characters over ALPHABET, and long ones around the length limits. */
function samples(): string[] {
  const out: string[] = [];
  let level = [''];
  for (let length = 1; length <= 4; length++) {
    level = level.flatMap((prefix) => ALPHABET.map((c) => prefix + c));
    out.push(...level);
  }
  for (const n of [63, 64, 65, 79, 80, 81, 89, 90, 91, 127, 128, 129]) {
    for (const end of ['a', '_', '.', '-']) {
      out.push('a'.repeat(n - 1) + end);
    }
  }
  return out;
}

function assertPatternAgrees(pattern: string, rule: (name: string) => unknown): void {
  const re = new RegExp(`^${pattern}$`, 'u');
  for (const name of samples()) {
    assert.equal(re.test(name), rule(name) === undefined, JSON.stringify(name));
  }
}

describe('domain: resource names', () => {
  it('each schema pattern accepts exactly what its rule accepts', () => {
    assertPatternAgrees(GALLERY_NAME_PATTERN, galleryNameRule);
    assertPatternAgrees(IMAGE_DEFINITION_NAME_PATTERN, imageDefinitionNameRule);
    assertPatternAgrees(MANAGED_IMAGE_NAME_PATTERN, managedImageNameRule);
    assertPatternAgrees(identifierPattern(64), (v) => identifierRule(v, 64));
    assertPatternAgrees(identifierPattern(128), (v) => identifierRule(v, 128));
  });

  it('image definitions follow the RP\'s own check ^[^_\\W][\\w-._]{0,79}(?<![-.])$ (English letters and digits)', () => {
    const rp = /^[^_\W][\w-._]{0,79}(?<![-.])$/;
    for (const name of samples()) {
      assert.equal(imageDefinitionNameRule(name) === undefined, rp.test(name), JSON.stringify(name));
    }
  });

  it('gallery names: the RP\'s check without dashes, underscores and periods only in the middle', () => {
    const rp = /^[^_\W][\w-._]{0,79}(?<![-.])$/;
    for (const name of samples()) {
      const expected = rp.test(name) && !name.includes('-') && !name.endsWith('_');
      assert.equal(galleryNameRule(name) === undefined, expected, JSON.stringify(name));
    }
    assert.deepEqual(galleryNameRule('my-gallery'), { reason: 'dash' });
    assert.deepEqual(galleryNameRule('gallery_'), { reason: 'badEnd', character: '_' });
    assert.deepEqual(galleryNameRule('a'.repeat(81)), { reason: 'tooLong', max: 80, length: 81 });
  });

  it('resource groups: 1–90 letters (any script), digits, _ - . ( ); no final period', () => {
    for (const ok of ['rg', 'rg-images(prod)_1.x', 'rg-café', 'グループ', 'a'.repeat(90)]) {
      assert.equal(resourceGroupNameRule(ok), undefined, ok);
    }
    assert.deepEqual(resourceGroupNameRule('rg.'), { reason: 'badEnd', character: '.' });
    assert.deepEqual(resourceGroupNameRule('r g'), { reason: 'badCharacter' });
    assert.deepEqual(resourceGroupNameRule('a'.repeat(91)), { reason: 'tooLong', max: 90, length: 91 });
    assert.deepEqual(resourceGroupNameRule(''), { reason: 'empty' });
  });
});
