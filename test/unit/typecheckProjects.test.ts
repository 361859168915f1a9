import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

interface Project {
  readonly options: ts.CompilerOptions;
  /** Files the project checks, relative to the repository, with '/'. */
  readonly files: readonly string[];
}

function loadProject(configPath: string): Project {
  const file = path.join(ROOT, configPath);
  const read = ts.readConfigFile(file, (name) => ts.sys.readFile(name));
  assert.equal(read.error, undefined, `${configPath} is readable`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  assert.deepEqual(parsed.errors, [], `${configPath} has no errors`);
  return { options: parsed.options, files: parsed.fileNames.map((f) => path.relative(ROOT, f).split(path.sep).join('/')) };
}

/** Library and @types files parsed once for all the probes. */
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** Type-checks one file that is not on disk, with a project's options, as if it sat at `at` in the repository. */
function diagnosticsOf(project: Project, at: string, source: string): string[] {
  const fileName = path.join(ROOT, at);
  const host = ts.createCompilerHost(project.options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (name) => path.resolve(name) === fileName || fileExists(name);
  host.readFile = (name) => (path.resolve(name) === fileName ? source : readFile(name));
  host.getSourceFile = (name, languageVersion, ...rest) => {
    if (path.resolve(name) === fileName) {
      return ts.createSourceFile(name, source, languageVersion, true);
    }
    const key = `${name}\0${JSON.stringify(languageVersion)}`;
    if (!parsedFiles.has(key)) {
      parsedFiles.set(key, getSourceFile(name, languageVersion, ...rest));
    }
    return parsedFiles.get(key);
  };
  const program = ts.createProgram({ rootNames: [fileName], options: project.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const USES_DOM = 'export const title = (): string => document.title;\n';
const USES_NODE = "import { readFileSync } from 'node:fs';\nexport const home = (): string => process.env.HOME ?? readFileSync('x', 'utf8');\n";

describe('Type check: one project per runtime (npm run typecheck)', function () {
  this.timeout(120_000);

  const host = loadProject('tsconfig.json');
  const webview = loadProject('src/webview/app/tsconfig.json');
  const tests = loadProject('test/tsconfig.json');

  it('extension host code (Node) that touches the DOM does not type-check', () => {
    assert.match(diagnosticsOf(host, 'src/probe.ts', USES_DOM).join('\n'), /Cannot find name 'document'/);
    assert.deepEqual(diagnosticsOf(host, 'src/probe.ts', USES_NODE), []);
  });

  it('form webview code (browser) that touches Node does not type-check', () => {
    const errors = diagnosticsOf(webview, 'src/webview/app/probe.ts', USES_NODE).join('\n');
    assert.match(errors, /Cannot find name 'node:fs'|Cannot find module 'node:fs'/);
    assert.match(errors, /Cannot find name 'process'/);
    assert.deepEqual(diagnosticsOf(webview, 'src/webview/app/probe.ts', USES_DOM), []);
  });

  it('each file is checked for the runtime it runs in', () => {
    const app = host.files.filter((f) => f.startsWith('src/webview/app/'));
    assert.deepEqual(app, [], 'the browser code is not in the host project');
    assert.ok(host.files.includes('src/extension.ts'));
    for (const shared of ['src/webview/app/main.ts', 'src/webview/app/dom.ts', 'src/webview/protocol.ts', 'src/webview/forms/formRegistry.ts']) {
      assert.ok(webview.files.includes(shared), `${shared} is checked as browser code`);
    }
    assert.deepEqual(webview.files.filter((f) => !f.startsWith('src/webview/')), [], 'nothing else is listed as browser code');
    assert.ok(tests.files.includes('test/unit/typecheckProjects.test.ts'), 'the tests are type-checked too');
    assert.deepEqual(tests.files.filter((f) => !f.startsWith('test/')), []);
  });

  it('npm run typecheck checks all three projects', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const projects = [...(pkg.scripts['typecheck'] ?? '').matchAll(/tsc --noEmit -p (\S+)/g)].map((m) => m[1]);
    assert.deepEqual(projects, ['.', 'src/webview/app', 'test']);
  });
});
