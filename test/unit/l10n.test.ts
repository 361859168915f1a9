/**
 * Localisation guard (issue 10): every user-visible string goes through `vscode.l10n.t` (host code) or `l10n.t` from
 * @vscode/l10n (pure modules and the form page), and l10n/bundle.l10n.json holds all of them.
 *
 *   (a) the committed bundle equals a fresh export (`npm run l10n`): a new string cannot be forgotten;
 *   (b) user-facing VS Code API calls in src/ do not take bare string or template literals;
 *   (c) the form page (src/webview/app) puts no bare literal into text, title, aria-label or placeholder;
 *   (d) with a pseudo-locale bundle, a form's label and field message, an ARM error's next step, a template check's
 *       diagnostic and a tree description come out translated.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import * as ts from 'typescript';
import './tree/treeTestSupport';
import { describeArmError } from '../../src/azure/armError';
import { imageVersionNameProblem, runGalleryChecks } from '../../src/schemas/galleryChecks';
import { translateSchemaMessage, SCHEMA_MESSAGES } from '../../src/schemas/schemaMessages';
import { describeProgress } from '../../src/tree/replication';
import { formDefinition } from '../../src/webview/forms/formRegistry';
import { parseTree } from 'jsonc-parser';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.json');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      return sourceFiles(full);
    }
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const rel = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

/** Words a person reads: two letters in a row, once codicons ("$(warning)") and substitutions are left out. */
function hasWords(text: string): boolean {
  return /[A-Za-z]{2}/.test(text.replace(/\$\([a-z-~]+\)/g, ''));
}

/** The literal text of a bare string or template literal (substitutions removed), or undefined for anything else. */
function bareLiteral(node: ts.Node | undefined): string | undefined {
  if (!node) {
    return undefined;
  }
  if (ts.isParenthesizedExpression(node)) {
    return bareLiteral(node.expression);
  }
  if (ts.isConditionalExpression(node)) {
    return bareLiteral(node.whenTrue) ?? bareLiteral(node.whenFalse);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return hasWords(node.text) ? node.text : undefined;
  }
  if (ts.isTemplateExpression(node)) {
    const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    return hasWords(text) ? node.getText() : undefined;
  }
  return undefined;
}

function propertyValue(obj: ts.Node | undefined, names: readonly string[]): Array<[string, ts.Expression]> {
  if (!obj || !ts.isObjectLiteralExpression(obj)) {
    return [];
  }
  return obj.properties.flatMap((p) => (ts.isPropertyAssignment(p) && names.includes(p.name.getText().replace(/['"]/g, '')) ? [[p.name.getText().replace(/['"]/g, ''), p.initializer] as [string, ts.Expression]] : []));
}

interface Finding {
  readonly where: string;
  readonly what: string;
  readonly text: string;
}

/**
 * Deliberate exceptions: `file:what` → why the text stays as it is. Keep it short; each needs a reason a reviewer
 * accepts.
 */
const HOST_EXCEPTIONS: Readonly<Record<string, string>> = {};

/** (b) user-facing VS Code API calls in host code. */
function hostFindings(file: string): Finding[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const seen = new Set<number>();
  const where = (n: ts.Node): string => `${rel(file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const add = (n: ts.Node, what: string, text: string | undefined): void => {
    // Each literal once, under the first (most specific) rule that found it.
    if (text !== undefined && !seen.has(n.getStart())) {
      seen.add(n.getStart());
      out.push({ where: where(n), what, text });
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText();
      const [first, second] = n.arguments;
      if (/window\.show(Information|Warning|Error)Message$/.test(callee)) {
        add(n, 'notification text', bareLiteral(first));
        for (const arg of n.arguments.slice(1)) {
          add(arg, 'notification button', bareLiteral(arg));
          propertyValue(arg, ['detail']).forEach(([k, v]) => add(v, `notification ${k}`, bareLiteral(v)));
        }
      } else if (/window\.withProgress$/.test(callee)) {
        propertyValue(first, ['title']).forEach(([k, v]) => add(v, `progress ${k}`, bareLiteral(v)));
      } else if (/window\.showQuickPick$/.test(callee)) {
        propertyValue(second, ['placeHolder', 'title']).forEach(([k, v]) => add(v, `quick pick ${k}`, bareLiteral(v)));
        if (first && ts.isArrayLiteralExpression(first)) {
          for (const item of first.elements) {
            add(item, 'quick pick item', bareLiteral(item));
            propertyValue(item, ['label', 'description', 'detail']).forEach(([k, v]) => add(v, `quick pick item ${k}`, bareLiteral(v)));
          }
        }
      } else if (/window\.showInputBox$/.test(callee)) {
        propertyValue(first, ['prompt', 'placeHolder', 'title']).forEach(([k, v]) => add(v, `input box ${k}`, bareLiteral(v)));
      } else if (/\.(appendText|appendMarkdown)$/.test(callee)) {
        add(n, `MarkdownString ${callee.split('.').pop() ?? ''}`, bareLiteral(first));
      }
    } else if (ts.isNewExpression(n)) {
      const callee = n.expression.getText();
      if (/(^|\.)TreeItem$/.test(callee)) {
        add(n, 'tree item label', bareLiteral(n.arguments?.[0]));
      } else if (/(^|\.)MarkdownString$/.test(callee)) {
        add(n, 'MarkdownString text', bareLiteral(n.arguments?.[0]));
      }
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)) {
      const prop = n.left.name.text;
      if (['title', 'placeholder', 'prompt', 'tooltip', 'description', 'label', 'validationMessage'].includes(prop)) {
        add(n, `${prop} assignment (tree item, quick pick or input box)`, bareLiteral(n.right));
      }
    } else if (ts.isObjectLiteralExpression(n)) {
      // Quick pick items, tree items and message items built as object literals.
      propertyValue(n, ['placeHolder', 'prompt', 'tooltip']).forEach(([k, v]) => add(v, `${k} property`, bareLiteral(v)));
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out.filter((f) => HOST_EXCEPTIONS[`${f.where.replace(/:\d+$/, '')}:${f.what}`] === undefined);
}

/** (c) the form page: texts and the attributes people read (or hear) must not be bare literals. */
function webviewFindings(file: string): Finding[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const seen = new Set<number>();
  const where = (n: ts.Node): string => `${rel(file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const add = (n: ts.Node, what: string, text: string | undefined): void => {
    // Each literal once, under the first (most specific) rule that found it.
    if (text !== undefined && !seen.has(n.getStart())) {
      seen.add(n.getStart());
      out.push({ where: where(n), what, text });
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'h') {
      // h(tag, attributes, ...children): children are text content.
      const [, attrs, ...children] = n.arguments;
      propertyValue(attrs, ['title', 'aria-label', 'placeholder', 'textContent', 'ariaLabel']).forEach(([k, v]) => add(v, `h() ${k}`, bareLiteral(v)));
      children.forEach((c) => add(c, 'h() text', bareLiteral(c)));
    } else if (ts.isCallExpression(n) && /\.setAttribute$/.test(n.expression.getText())) {
      const [name, value] = n.arguments;
      if (name && ts.isStringLiteral(name) && ['title', 'aria-label', 'placeholder'].includes(name.text)) {
        add(n, `setAttribute ${name.text}`, bareLiteral(value));
      }
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)) {
      const prop = n.left.name.text;
      if (['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel'].includes(prop)) {
        add(n, `${prop} assignment`, bareLiteral(n.right));
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

const describeFindings = (findings: readonly Finding[]): string => findings.map((f) => `  ${f.where} (${f.what}): ${f.text}`).join('\n');

describe('localisation (issue 10)', function () {
  this.timeout(120_000);

  it('l10n/bundle.l10n.json is what `npm run l10n` exports from src/ now (run it after adding a string)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'acg-l10n-'));
    try {
      const cli = path.join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      const run = spawnSync(process.execPath, [cli, 'export', '--outDir', out, './src'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      assert.equal(run.status, 0, `the exporter failed:\n${run.stdout}${run.stderr}`);
      const fresh = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const committed = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
      const missing = Object.keys(fresh).filter((k) => !(k in committed));
      const stale = Object.keys(committed).filter((k) => !(k in fresh));
      assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'run `npm run l10n` and commit l10n/bundle.l10n.json');
      assert.ok(Object.keys(fresh).length > 400, `the export found the sources' strings (${Object.keys(fresh).length})`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('user-facing VS Code API calls in src/ take l10n.t texts, not bare literals', () => {
    const hostFiles = sourceFiles(path.join(ROOT, 'src')).filter((f) => !rel(f).startsWith('src/webview/app/') && !rel(f).startsWith('src/schemas/generate/') && !rel(f).startsWith('src/schemas/bench/'));
    const findings = hostFiles.flatMap(hostFindings);
    assert.equal(findings.length, 0, `bare literals shown to people (wrap them in vscode.l10n.t / l10n.t):\n${describeFindings(findings)}`);
  });

  it('no l10n.t call runs at module top level (it would run at import, before l10n.config, and stay English)', () => {
    const found: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node, inFunction: boolean): void => {
        if (ts.isCallExpression(n) && /(^|\.)l10n\.t$/.test(n.expression.getText()) && !inFunction) {
          found.push(`${rel(file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.getText().slice(0, 80)}`);
        }
        ts.forEachChild(n, (c) => visit(c, inFunction || ts.isFunctionLike(n)));
      };
      visit(source, false);
    }
    assert.deepEqual(found, [], 'make the constant a function (or a getter) so the text is translated when it is used');
  });

  it('the check above finds a bare literal in a notification, a progress title, a quick pick and a tree item', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acg-l10n-src-'));
    const file = path.join(dir, 'bad.ts');
    try {
      writeFileSync(
        file,
        [
          "void vscode.window.showErrorMessage('Something failed.');",
          "void vscode.window.withProgress({ location: 15, title: `Deleting ${name}` }, async () => undefined);",
          "void vscode.window.showQuickPick(items, { placeHolder: 'Choose one' });",
          "const item = new vscode.TreeItem('Load more');",
          "item.tooltip = 'Click to retry';",
          "void vscode.window.showErrorMessage(vscode.l10n.t('Fine: {0}', x));",
        ].join('\n'),
      );
      assert.deepEqual(
        hostFindings(file).map((f) => f.what),
        ['notification text', 'progress title', 'quick pick placeHolder', 'tree item label', 'tooltip assignment (tree item, quick pick or input box)'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the form page (src/webview/app) puts no bare literal into text, title, aria-label or placeholder', () => {
    const files = sourceFiles(path.join(ROOT, 'src', 'webview', 'app'));
    const findings = files.flatMap(webviewFindings);
    assert.equal(findings.length, 0, `bare literals on the form page (wrap them in l10n.t from @vscode/l10n):\n${describeFindings(findings)}`);
  });

  describe('with a pseudo-locale bundle', () => {
    const english = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
    const pseudo = getL10nPseudoLocalized(english) as Record<string, string>;
    const t = (message: string): string => {
      const translated = pseudo[message];
      assert.ok(translated, `the bundle has "${message}"`);
      return translated;
    };
    before(() => l10n.config({ contents: pseudo }));
    after(() => l10n.config({ contents: {} }));

    it('a form shows translated labels, sections and field messages', () => {
      const gallery = formDefinition('gallery');
      assert.equal(gallery.fields.find((f) => f.id === 'name')?.label, t('Gallery name'));
      assert.equal(gallery.sections[0]?.title, t('Basics'));
      const errors = gallery.validate({ subscriptionId: '', resourceGroupMode: 'existing', resourceGroup: '', newResourceGroup: '', name: '', location: '', description: '', tags: [] }, 'create', { now: Date.UTC(2026, 10, 22) });
      assert.equal(errors.name, t('Enter a gallery name.'));
      assert.notEqual(errors.name, 'Enter a gallery name.');
    });

    it("an ARM error's next step is translated", () => {
      const info = describeArmError(Object.assign(new Error('no access'), { statusCode: 403, code: 'AuthorizationFailed' }));
      assert.equal(info.message, 'no access', "Azure's own message stays as Azure sent it");
      assert.equal(info.nextStep, t('Your account lacks permission here: ask for a role such as Contributor on the subscription or resource group.'));
    });

    it('template diagnostics (gallery checks, schema messages) are translated, with their values filled in', () => {
      assert.equal(imageVersionNameProblem('1.0'), t('Image version name "{0}" must have three parts, Major.Minor.Patch (for example 1.0.0).').replace('{0}', '1.0'));
      const resource = parseTree('{ "properties": { "publishingProfile": { "endOfLifeDate": "2001-01-01T00:00:00Z" } } }');
      assert.ok(resource);
      const problems = runGalleryChecks({ kind: 'imageVersion', resource, now: new Date('2026-11-22T12:00:00Z') });
      const eol = problems.find((p) => /2001-01-01/.test(p.message));
      assert.ok(eol, `an end-of-life problem: ${JSON.stringify(problems)}`);
      const template = t('End-of-life date {0} is in the past. Azure rejects creating or updating an {1} whose end-of-life date has passed ("EndOfLifeDate must be set to a future date").');
      assert.equal(eol.message, template.replace('{0}', '2001-01-01T00:00:00Z').replace('{1}', t('image version')));
      assert.equal(translateSchemaMessage(SCHEMA_MESSAGES.uri), t('Expected an absolute URI such as https://example.com/path.'));
    });

    it('a tree description (replication progress) is translated', () => {
      const text = describeProgress({ provisioningState: 'Creating', replicationStatus: { summary: [{ region: 'eastus', state: 'Replicating', progress: 40 }, { region: 'westus', state: 'Completed', progress: 100 }] } });
      assert.equal(text, t('Replicating {0}% · {1} of {2} regions').replace('{0}', '70').replace('{1}', '1').replace('{2}', '2'));
    });
  });
});
