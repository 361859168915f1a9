import * as assert from 'node:assert/strict';
import type { Node } from 'jsonc-parser';
import { parseTree } from 'jsonc-parser';
import type { JSONSchema } from 'vscode-json-languageservice';
import { templateResourceSchema } from '../../../src/schemas/schemaCatalog';
import { childSchema, findEditedSubtree, SubtreeValidator } from '../../../src/schemas/subtreeValidation';
import type { TextChange } from '../../../src/schemas/templateResources';
import { composeChanges, findChange, patchStringEdit } from '../../../src/schemas/templateResources';

const EXPRESSION: JSONSchema = { type: 'string', pattern: '^\\[.*\\]$' };

function parse(text: string): Node {
  const node = parseTree(text, [], { allowTrailingComma: true });
  assert.ok(node, text);
  return node;
}

/** The tree without parent links, for comparing two parses. */
function shape(node: Node): unknown {
  return { type: node.type, value: node.value as unknown, offset: node.offset, length: node.length, colonOffset: node.colonOffset, children: node.children?.map(shape) };
}

describe('subtree validation: which schemas let a value be validated alone', () => {
  const definitions = { Profile: { type: 'object', properties: { date: { type: 'string' } } } } satisfies Record<string, JSONSchema>;

  it('sees through "object, or an ARM expression" and local references', () => {
    const schema: JSONSchema = { type: ['object', 'string'], anyOf: [{ $ref: '#/definitions/Profile' }, EXPRESSION] };
    assert.deepEqual(childSchema(schema, 'object', 'date', definitions), { type: 'string' });
    assert.deepEqual(childSchema({ type: 'array', items: schema }, 'array', 3, definitions), schema);
  });

  it('refuses schemas whose verdict on the container depends on the values inside it', () => {
    const profile: JSONSchema = { type: 'object', properties: { date: { type: 'string' } } };
    for (const refused of [
      { ...profile, allOf: [{ required: ['date'] }] },
      { ...profile, if: { properties: { date: { const: 'x' } } }, then: { required: ['other'] } },
      { ...profile, enum: [{ date: 'x' }] },
      { ...profile, propertyNames: { pattern: '^d' } },
      { anyOf: [profile, { type: 'object', required: ['date'] }] }, // two alternatives accept objects
      { anyOf: [EXPRESSION, profile] }, // the object alternative is not the first
      { anyOf: [profile, { type: 'string', properties: {} }] }, // an alternative with object keywords
      { oneOf: [profile, EXPRESSION] },
    ] satisfies JSONSchema[]) {
      assert.equal(childSchema(refused, 'object', 'date', definitions), undefined, JSON.stringify(refused));
    }
    assert.equal(childSchema(profile, 'object', 'undeclared', definitions), undefined);
    assert.equal(childSchema({ type: 'array', items: [profile, profile] }, 'array', 0, definitions), undefined);
    assert.equal(childSchema({ type: 'array', items: profile, uniqueItems: true }, 'array', 0, definitions), undefined);
    assert.equal(childSchema({ $ref: '#/definitions/Missing' }, 'object', 'date', definitions), undefined);
  });

  it('finds the deepest edited value of an image version, and stops where the edit touches keys or several values', () => {
    const schema = templateResourceSchema('imageVersion');
    const before = `{"type": "versions", "properties": {"publishingProfile": {"endOfLifeDate": "2030-01-01", "excludeFromLatest": false}}}`;
    const at = before.indexOf('2030') + 3;
    const after = `${before.slice(0, at)}1${before.slice(at + 1)}`;
    const inValue = findEditedSubtree(schema, parse(before), parse(after), { start: at, oldEnd: at + 1, newEnd: at + 1 });
    assert.deepEqual(inValue?.path, ['properties', 'publishingProfile', 'endOfLifeDate']);
    assert.equal(after.slice(inValue.start, inValue.end), '"endOfLifeDate": "2031-01-01"');

    const keyAt = before.indexOf('excludeFromLatest') + 2;
    const renamed = `${before.slice(0, keyAt)}X${before.slice(keyAt)}`;
    const inKey = findEditedSubtree(schema, parse(before), parse(renamed), { start: keyAt, oldEnd: keyAt, newEnd: keyAt + 1 });
    assert.deepEqual(inKey?.path, ['properties', 'publishingProfile'], 'a key changed: the object holding it is validated');

    const from = before.indexOf('2030');
    const to = before.indexOf('false') + 'false'.length;
    const replacement = '2031-01-01", "excludeFromLatest": true';
    const across = `${before.slice(0, from)}${replacement}${before.slice(to)}`;
    const spanning = findEditedSubtree(schema, parse(before), parse(across), { start: from, oldEnd: to, newEnd: from + replacement.length });
    assert.deepEqual(spanning?.path, ['properties', 'publishingProfile']);

    const typeAt = before.indexOf('versions') + 2;
    const retyped = `${before.slice(0, typeAt)}x${before.slice(typeAt)}`;
    assert.deepEqual(findEditedSubtree(schema, parse(before), parse(retyped), { start: typeAt, oldEnd: typeAt, newEnd: typeAt + 1 })?.path, ['type']);
  });

  it('validates an edited value with the same messages, on the same characters, as the whole resource', async () => {
    const schema = templateResourceSchema('imageVersion');
    const text = `{"type": "versions", "properties": {"publishingProfile": {"targetRegions": [{"name": "westeurope", "storageAccountType": "Standard_XRS"}]}}}`;
    const at = text.indexOf('XRS');
    const before = `${text.slice(0, at)}Z${text.slice(at + 1)}`;
    const subtree = findEditedSubtree(schema, parse(before), parse(text), { start: at, oldEnd: at + 1, newEnd: at + 1 });
    assert.deepEqual(subtree?.path, ['properties', 'publishingProfile', 'targetRegions', 0, 'storageAccountType']);
    const validation = await new SubtreeValidator().validate('imageVersion', schema, text, subtree);
    assert.deepEqual(
      validation?.diagnostics.map((d) => text.slice(d.offset, d.offset + d.length)),
      ['"Standard_XRS"'],
    );
    const message = validation?.diagnostics[0]?.diagnostic.message;
    assert.match(typeof message === 'string' ? message : (message?.value ?? ''), /Standard_LRS/);
  });

  it('answers a keystroke in a string the schema plainly accepts (a dependsOn expression, a valid date) without a language service, and asks one when the value may be wrong', async () => {
    const schema = templateResourceSchema('imageVersion');
    const validator = new SubtreeValidator();
    const text = `{"type": "versions", "dependsOn": [ "[resourceId('Microsoft.Compute/galleries/images', 'g', 'imagex')]" ], "properties": {"publishingProfile": {"endOfLifeDate": "2099-12-31T00:00:00Z"}}}`;
    const typed = text.indexOf("imagex'") + 'image'.length;
    const before = `${text.slice(0, typed)}${text.slice(typed + 1)}`;
    const plain = findEditedSubtree(schema, parse(before), parse(text), { start: typed, oldEnd: typed, newEnd: typed + 1 });
    assert.deepEqual(plain?.path, ['dependsOn', 0]);
    assert.deepEqual(await validator.validate('imageVersion', schema, text, plain), { diagnostics: [], syntaxCodes: [] });
    assert.equal(validator.languageServicesMade, 0, 'a string against "a string" needs no validation');

    // A valid date matches one of the date schema's alternatives (its pattern): nothing to report, nothing asked.
    const year = text.indexOf('2099') + 3;
    const nextYear = `${text.slice(0, year)}8${text.slice(year + 1)}`;
    const date = findEditedSubtree(schema, parse(text), parse(nextYear), { start: year, oldEnd: year + 1, newEnd: year + 1 });
    assert.deepEqual(date?.path, ['properties', 'publishingProfile', 'endOfLifeDate']);
    assert.deepEqual(await validator.validate('imageVersion', schema, nextYear, date), { diagnostics: [], syntaxCodes: [] });
    assert.equal(validator.languageServicesMade, 0, 'a valid date needs no language service');

    // A date no alternative accepts: the language service words the problem, as for a whole resource.
    const at = text.indexOf('2099') + 3;
    const wrong = `${text.slice(0, at)}x${text.slice(at + 1)}`;
    const dated = findEditedSubtree(schema, parse(text), parse(wrong), { start: at, oldEnd: at + 1, newEnd: at + 1 });
    assert.deepEqual(dated?.path, ['properties', 'publishingProfile', 'endOfLifeDate']);
    const validation = await validator.validate('imageVersion', schema, wrong, dated);
    assert.equal(validator.languageServicesMade, 1);
    assert.deepEqual(
      validation?.diagnostics.map((d) => wrong.slice(d.offset, d.offset + d.length)),
      ['"209x-12-31T00:00:00Z"'],
    );
  });
});

describe('template analysis: edits inside one string value', () => {
  it('patches the parsed resource to exactly what parsing the new text gives', () => {
    const text = `{
  "type": "Microsoft.Compute/galleries/images",
  "properties": { "description": "first", "identifier": { "publisher": "contoso", "offer": "o", "sku": "s" } },
  "tags": { "team": "images" }
}`;
    let seed = 3;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >>> 8) % n;
    };
    let current = text;
    let node = parse(current);
    let patched = 0;
    for (let step = 0; step < 300; step++) {
      const at = random(current.length);
      const inserted = ['a', '', 'xyz', '"', '\\', '}'][random(6)] ?? '';
      const removed = random(3);
      const next = current.slice(0, at) + inserted + current.slice(at + removed);
      const change = findChange(current, next);
      if (!change) {
        continue;
      }
      const result = patchStringEdit(node, change, next);
      const errors: unknown[] = [];
      const reparsed = parseTree(next, errors as never[], { allowTrailingComma: true });
      if (result) {
        patched++;
        assert.ok(reparsed && errors.length === 0, 'a patched edit leaves valid JSON');
        assert.deepEqual(shape(result), shape(reparsed), `step ${step}`);
      }
      if (reparsed && errors.length === 0) {
        current = next;
        node = result ?? reparsed;
      }
    }
    assert.ok(patched > 30, `${patched} patched`);
  });

  it('never patches the resource keywords (type, name, apiVersion…) or keys', () => {
    const text = `{"type": "versions", "name": "1.0.0", "apiVersion": "2025-12-03", "properties": {"a": "b"}}`;
    const node = parse(text);
    for (const word of ['versions', '1.0.0', '2025-12-03', '"a"']) {
      const at = text.indexOf(word) + 2;
      const next = `${text.slice(0, at)}x${text.slice(at)}`;
      assert.equal(patchStringEdit(node, { start: at, oldEnd: at, newEnd: at + 1 }, next), undefined, word);
    }
  });

  it('composes consecutive edits into the one change between the first and last text', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >>> 8) % n;
    };
    for (let round = 0; round < 200; round++) {
      const texts = ['0123456789abcdefghij'];
      let combined: TextChange | undefined;
      for (let edit = 0; edit < 1 + random(4); edit++) {
        const previous = texts[texts.length - 1] ?? '';
        const start = random(previous.length + 1);
        const removed = Math.min(random(4), previous.length - start);
        const inserted = 'XYZ'.slice(0, random(4));
        texts.push(previous.slice(0, start) + inserted + previous.slice(start + removed));
        const change = { start, oldEnd: start + removed, newEnd: start + inserted.length };
        combined = combined ? composeChanges(combined, change) : change;
      }
      const first = texts[0] ?? '';
      const last = texts[texts.length - 1] ?? '';
      assert.ok(combined);
      // Outside the composed change both texts agree, and the change's lengths account for the difference.
      assert.equal(first.slice(0, combined.start), last.slice(0, combined.start));
      assert.equal(first.slice(combined.oldEnd), last.slice(combined.newEnd));
      const minimal = findChange(first, last);
      if (minimal) {
        assert.ok(combined.start <= minimal.start && combined.oldEnd >= minimal.oldEnd, 'covers the actual difference');
      }
    }
  });
});
