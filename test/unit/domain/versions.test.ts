import * as assert from 'node:assert/strict';
import { compareVersionNames, parseVersionName, VERSION_NAME_PATTERN, VERSION_PART_PATTERN, versionNameRule } from '../../../src/domain/versions';

const PART = new RegExp(`^${VERSION_PART_PATTERN}$`);
const NAME = new RegExp(`^${VERSION_NAME_PATTERN}$`);

/** Parts around every boundary of the hand-written pattern, with and without leading zeros. */
function boundaryParts(): string[] {
  const values = [0, 1, 9, 10, 99, 999_999_999, 1_000_000_000, 1_999_999_999, 2_000_000_000, 2_099_999_999, 2_100_000_000, 2_139_999_999,
    2_140_000_000, 2_146_999_999, 2_147_000_000, 2_147_399_999, 2_147_400_000, 2_147_479_999, 2_147_480_000, 2_147_482_999, 2_147_483_000,
    2_147_483_599, 2_147_483_600, 2_147_483_639, 2_147_483_640, 2_147_483_646, 2_147_483_647, 2_147_483_648, 2_147_483_649, 2_147_483_650,
    2_147_483_700, 2_147_484_000, 2_147_490_000, 2_147_500_000, 2_148_000_000, 2_150_000_000, 2_200_000_000, 3_000_000_000, 9_999_999_999, 10_000_000_000];
  const parts: string[] = [];
  for (const value of values) {
    for (const zeros of ['', '0', '00', '0000000000']) {
      parts.push(zeros + String(value));
    }
  }
  return parts;
}

describe('domain: image version names', () => {
  it('the schema pattern of one part agrees with the parser at every boundary (value ≤ 2,147,483,647, ≤ 10 digits)', () => {
    for (const part of boundaryParts()) {
      const parsed = parseVersionName(`${part}.0.0`);
      assert.equal(PART.test(part), parsed !== undefined, part);
      assert.equal(versionNameRule(`0.${part}.0`) === undefined, parsed !== undefined, part);
      assert.equal(NAME.test(`0.0.${part}`), parsed !== undefined, part);
    }
  });

  it('the rule, the parser and the schema pattern agree on random names', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pieces = ['0', '1', '9', '00', '2147483647', '2147483648', '4294967296', '0002147483647', '', 'a', '-1', '1e3', ' 1'];
    for (let i = 0; i < 3000; i++) {
      const count = 2 + Math.floor(random() * 3);
      const name = Array.from({ length: count }, () => pieces[Math.floor(random() * pieces.length)] ?? '').join('.');
      const parsed = parseVersionName(name) !== undefined;
      assert.equal(versionNameRule(name) === undefined, parsed, name);
      assert.equal(NAME.test(name), parsed, name);
    }
  });

  it('says which part is wrong and why', () => {
    assert.deepEqual(versionNameRule(''), { reason: 'empty' });
    assert.deepEqual(versionNameRule('1.0'), { reason: 'notThreeParts', parts: 2 });
    assert.deepEqual(versionNameRule('1.x.0'), { reason: 'notAnInteger', part: 1, text: 'x' });
    assert.deepEqual(versionNameRule('1.0.2147483648'), { reason: 'tooLarge', part: 2, text: '2147483648' });
    assert.deepEqual(versionNameRule('00000000001.0.0'), { reason: 'tooManyDigits', part: 0, text: '00000000001' });
  });

  it('orders by value, leading zeros ignored; names that do not parse last', () => {
    assert.ok(compareVersionNames('1.10.0', '1.9.0') > 0);
    assert.equal(compareVersionNames('01.02.03', '1.2.3'), 0);
    assert.ok(compareVersionNames('0.0.1', 'latest') > 0);
  });
});
