/**
 * The explorer's context menu on a multi-selection (issue 11): VS Code sets `listMultiSelection` when more than one
 * row is selected and then calls a command with (clicked row, selected rows). Only commands that act on the whole
 * selection may show then (Delete, Compare Selected Versions); a command of one row would silently act on the clicked
 * row alone.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]> };
};
const context = manifest.contributes.menus['view/item/context'].filter((m) => !(m.group ?? '').startsWith('inline'));
/** Commands that take VS Code's selection argument and act on every selected row. */
const ON_SELECTION = new Set(['azureComputeGallery.delete', 'azureComputeGallery.compareSelected']);

describe('context menu on a multi-selection (package.json)', () => {
  it('has the entries it checks', () => {
    assert.ok(context.length >= 15, `only ${context.length} context-menu entries`);
  });

  it('hides every single-row command when several rows are selected', () => {
    const shown = context.filter((m) => !ON_SELECTION.has(m.command) && !/&& !listMultiSelection\b/.test(m.when ?? ''));
    assert.deepEqual(shown.map((m) => m.command), []);
  });

  it('keeps Delete on a selection, and Compare Selected only on one', () => {
    const del = context.filter((m) => m.command === 'azureComputeGallery.delete');
    assert.equal(del.length, 1);
    assert.doesNotMatch(del[0].when ?? '', /listMultiSelection/);
    const compare = context.filter((m) => m.command === 'azureComputeGallery.compareSelected');
    assert.equal(compare.length, 1);
    assert.match(compare[0].when ?? '', /&& listMultiSelection\b/);
  });
});
