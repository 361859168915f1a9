/**
 * The repository's copy of the public reference material (test/fixtures/reference) and the script that refreshes it
 * from the team's shared folder: what it copies, what it leaves out, what it removes, and how it refuses bad input.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REFERENCE_COPY_DIR, refreshReferenceCopy, RefreshError } from '../fixtures/reference/refresh';

const EXAMPLE = '{\n  "parameters": { "api-version": "2025-12-03" },\n  "responses": { "200": {} }\n}\n';
const SWAGGER_PAGE = '---\nid: GalleryImage\n---\n## Swagger Schema\n```js\n{ properties: {} }\n```\n';

/** A small shared folder shaped like the real one; its files read-only, as they are there. */
function makeShared(root: string): string {
  const shared = path.join(root, 'shared');
  const files: Record<string, string> = {
    'reference/ARM_BEHAVIOUR.md': '# How ARM behaves\n',
    'reference/SOURCES.md': '# upstream\n',
    'reference/rest-examples/README.md': '# examples\n',
    'reference/rest-examples/GalleryRP/2025-12-03/galleryExamples/Gallery_Get.json': EXAMPLE,
    'reference/rest-examples/ComputeRP/2026-04-01/imageExamples/Image_Get.json': EXAMPLE,
    'reference/rest-examples/swagger/ComputeGallery/Gallery.tsp': 'model Gallery {}\n',
    'reference/arm-template-schemas/2025-12-03.Microsoft.Compute.json': '{ "id": "galleries" }\n',
    'reference/arm-template-schemas/2026-03-01.Microsoft.Compute.json': '{ "id": "images" }\n',
    'reference/arm-template-schemas/2019-04-01.deploymentTemplate.json': '{}\n',
    'reference/arm-rpc/async-api-reference.md': '# async\n',
    'spec/000_a.txt': SWAGGER_PAGE,
    'spec/002_b.txt': 'A Learn article without a swagger block.\n',
  };
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(shared, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    fs.chmodSync(file, 0o444);
  }
  return shared;
}

function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('reference copy (test/fixtures/reference) and its refresh script', () => {
  let root: string;
  let shared: string;
  let copy: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-refresh-'));
    shared = makeShared(root);
    copy = path.join(root, 'copy');
    fs.mkdirSync(copy);
    fs.writeFileSync(path.join(copy, 'SOURCES.md'), 'ours\n');
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('copies the examples, the two ARM template schemas, the swagger doc pages and ARM_BEHAVIOUR.md, byte for byte, and nothing else', () => {
    const result = refreshReferenceCopy(shared, copy);
    const expected = [
      'ARM_BEHAVIOUR.md',
      'SOURCES.md',
      'arm-template-schemas/2025-12-03.Microsoft.Compute.json',
      'arm-template-schemas/2026-03-01.Microsoft.Compute.json',
      'rest-examples/ComputeRP/2026-04-01/imageExamples/Image_Get.json',
      'rest-examples/GalleryRP/2025-12-03/galleryExamples/Gallery_Get.json',
      'rest-examples/README.md',
      'spec/000_a.txt',
    ];
    assert.deepEqual(filesIn(copy), expected);
    assert.deepEqual(result.written, expected.filter((file) => file !== 'SOURCES.md'));
    assert.equal(fs.readFileSync(path.join(copy, 'SOURCES.md'), 'utf8'), 'ours\n', 'the copy keeps its own SOURCES.md');
    assert.equal(fs.readFileSync(path.join(copy, 'spec/000_a.txt'), 'utf8'), SWAGGER_PAGE);
    assert.equal(fs.readFileSync(path.join(copy, 'rest-examples/GalleryRP/2025-12-03/galleryExamples/Gallery_Get.json'), 'utf8'), EXAMPLE);
  });

  it('a second refresh writes nothing; a changed file is written again although the first copy came from read-only files', () => {
    refreshReferenceCopy(shared, copy);
    for (const file of filesIn(copy)) {
      assert.notEqual(fs.statSync(path.join(copy, file)).mode & 0o200, 0, `${file} is writable in the copy (git and the next refresh can update it)`);
    }
    assert.deepEqual(refreshReferenceCopy(shared, copy), { written: [], removed: [], unchanged: 7 });

    const changed = path.join(shared, 'reference/rest-examples/README.md');
    fs.chmodSync(changed, 0o644);
    fs.writeFileSync(changed, '# examples, with a new commit\n');
    assert.deepEqual(refreshReferenceCopy(shared, copy), { written: ['rest-examples/README.md'], removed: [], unchanged: 6 });
    assert.equal(fs.readFileSync(path.join(copy, 'rest-examples/README.md'), 'utf8'), '# examples, with a new commit\n');
  });

  it('removes from the copy what left the shared folder, and its emptied folders', () => {
    refreshReferenceCopy(shared, copy);
    fs.rmSync(path.join(shared, 'reference/rest-examples/ComputeRP'), { recursive: true, force: true });

    const result = refreshReferenceCopy(shared, copy);
    assert.deepEqual(result.removed, ['rest-examples/ComputeRP/2026-04-01/imageExamples/Image_Get.json']);
    assert.equal(fs.existsSync(path.join(copy, 'rest-examples/ComputeRP')), false);
    assert.ok(fs.existsSync(path.join(copy, 'SOURCES.md')));
  });

  it('refuses a folder that is not the shared folder, naming what is missing, and leaves the copy alone', () => {
    refreshReferenceCopy(shared, copy);
    const before = filesIn(copy);
    assert.throws(
      () => refreshReferenceCopy(path.join(shared, 'reference'), copy),
      (error: unknown) => error instanceof RefreshError && /is not the shared reference folder: it has no reference\/rest-examples, .*spec/.test(error.message),
    );
    assert.deepEqual(filesIn(copy), before);
  });

  it('refuses an example that is not valid JSON before writing or removing anything', () => {
    const broken = path.join(shared, 'reference/rest-examples/GalleryRP/2025-12-03/galleryExamples/Gallery_Broken.json');
    fs.writeFileSync(broken, '{ "parameters": ');
    fs.writeFileSync(path.join(copy, 'stale-but-not-ours.txt'), 'x');
    fs.mkdirSync(path.join(copy, 'spec'));
    fs.writeFileSync(path.join(copy, 'spec/old.txt'), 'old');
    assert.throws(
      () => refreshReferenceCopy(shared, copy),
      (error: unknown) => error instanceof RefreshError && error.message.includes('Gallery_Broken.json is not valid JSON') && error.message.includes('nothing was copied'),
    );
    assert.deepEqual(filesIn(copy), ['SOURCES.md', 'spec/old.txt', 'stale-but-not-ours.txt']);
  });

  it('the command needs the shared folder as its argument: without one it prints the usage and exits 2', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REFERENCE_COPY_DIR, 'refresh.ts')], { encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /Usage: npx tsx test\/fixtures\/reference\/refresh\.ts <path-to-shared>/);
    assert.equal(run.stdout, '');
  });

  it('the committed copy holds the full example set the tests replay and the sources the generator reads', () => {
    const committed = filesIn(REFERENCE_COPY_DIR);
    const examples = committed.filter((file) => file.startsWith('rest-examples/') && file.endsWith('.json'));
    assert.ok(examples.length >= 68, `68 examples when the copy was made, now ${examples.length}`);
    for (const file of [
      'SOURCES.md',
      'LICENSE-MIT-Microsoft.txt',
      'ARM_BEHAVIOUR.md',
      'rest-examples/README.md',
      'arm-template-schemas/2025-12-03.Microsoft.Compute.json',
      'arm-template-schemas/2026-03-01.Microsoft.Compute.json',
    ]) {
      assert.ok(committed.includes(file), file);
    }
    assert.match(fs.readFileSync(path.join(REFERENCE_COPY_DIR, 'LICENSE-MIT-Microsoft.txt'), 'utf8'), /^MIT License\n\nCopyright \(c\) Microsoft Corporation\./);
  });
});
