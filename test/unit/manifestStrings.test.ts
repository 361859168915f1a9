/**
 * The manifest's user-visible strings (command titles, view names, the welcome text, setting descriptions) live in
 * package.nls.json, so VS Code can show them in the user's language once a package.nls.<locale>.json exists (issue 10).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as unknown;

/** Keys of manifest entries that VS Code shows to people. */
const SHOWN = new Set(['displayName', 'description', 'title', 'name', 'contextualTitle', 'contents', 'category', 'shortTitle', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage', 'enumDescriptions', 'markdownEnumDescriptions']);
/** Entries under these keys are data (ids, paths, when-clauses), never shown as text. */
const DATA = new Set(['command', 'id', 'view', 'when', 'group', 'url', 'path', 'language', 'fileMatch', 'icon', 'type', 'default', 'enum', 'scope', 'restrictedConfigurations', 'items']);

function shownStrings(value: unknown, trail: string[], out: Array<{ where: string; text: string }>): void {
  const key = trail[trail.length - 1] ?? '';
  if (typeof value === 'string') {
    const owner = /^\d+$/.test(key) ? trail[trail.length - 2] ?? '' : key;
    if (SHOWN.has(owner)) {
      out.push({ where: trail.join('.'), text: value });
    }
    return;
  }
  if (DATA.has(key) && key !== 'items') {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => shownStrings(v, [...trail, String(i)], out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      shownStrings(v, [...trail, k], out);
    }
  }
}

describe('manifest strings (package.nls.json)', () => {
  const manifest = read('package.json') as Record<string, unknown>;
  const nls = read('package.nls.json') as Record<string, unknown>;
  const strings: Array<{ where: string; text: string }> = [];
  shownStrings({ displayName: manifest.displayName, description: manifest.description }, [], strings);
  shownStrings(manifest.contributes, ['contributes'], strings);
  shownStrings(manifest.capabilities, ['capabilities'], strings);

  it('finds the strings it checks (command titles, views, settings)', () => {
    assert.ok(strings.length >= 30, `only ${strings.length} strings found`);
    assert.ok(strings.some((s) => s.where === 'contributes.commands.0.title'));
  });

  it('every shown string is a %key% that package.nls.json defines, with text', () => {
    const literal = strings.filter((s) => !/^%[\w.-]+%$/.test(s.text));
    assert.deepEqual(literal, [], 'shown text written directly in package.json');
    const missing = strings.filter((s) => typeof nls[s.text.slice(1, -1)] !== 'string' || (nls[s.text.slice(1, -1)] as string).trim() === '');
    assert.deepEqual(missing, [], 'keys without text in package.nls.json');
  });

  it('package.nls.json holds no key the manifest does not use', () => {
    const used = new Set(strings.map((s) => s.text.slice(1, -1)));
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });

  it('the packaged extension includes package.nls.json', () => {
    const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!package.nls.json'), '.vscodeignore excludes everything not listed');
  });
});
