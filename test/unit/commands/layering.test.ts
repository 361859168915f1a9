import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Files under src/<folder> that import anything from src/commands. */
function importersOfCommands(folder: string): string[] {
  const commands = path.join(SRC, 'commands');
  return sourceFiles(path.join(SRC, folder)).filter((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)].some((m) => path.resolve(path.dirname(file), m[1]).startsWith(commands + path.sep)),
  );
}

describe('layering: commands sit on top', () => {
  // Commands use the tree, the forms, the providers and the schemas; nothing below them reaches back up.
  for (const folder of ['schemas', 'tree', 'webview', 'azure', 'properties']) {
    it(`src/${folder} imports nothing from src/commands`, () => {
      assert.deepEqual(importersOfCommands(folder).map((f) => path.relative(SRC, f)), []);
    });
  }
});
