import * as assert from 'node:assert/strict';
import { visit } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-json-languageservice';
import { DiagnosticSeverity, TextDocument } from 'vscode-json-languageservice';
import { generateBenchTemplate } from '../../../src/schemas/bench/templateBench';
import type { LiveValueRequest } from '../../../src/schemas/GalleryTemplateLanguageService';
import { DIAGNOSTIC_SOURCE, GalleryTemplateLanguageService } from '../../../src/schemas/GalleryTemplateLanguageService';
import { documentationOf, fixture, hoverText, labels, messages, templateFixtures, withCursor } from './schemaTestSupport';

const NOW = new Date('2026-06-01T00:00:00Z');

function service(options: ConstructorParameters<typeof GalleryTemplateLanguageService>[0] = {}): GalleryTemplateLanguageService {
  return new GalleryTemplateLanguageService({ now: () => NOW, ...options });
}

function template(resources: string, languageVersion = ''): string {
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  ${languageVersion}"contentVersion": "1.0.0.0",
  "resources": [
${resources}
  ]
}`;
}

function document(text: string, uri = 'file:///work/deploy/main.json', version = 1): TextDocument {
  return TextDocument.create(uri, 'json', version, text);
}

async function completeAt(textWithCursor: string, features?: { schemaFeatures?: boolean }, svc = service()): Promise<string[]> {
  const { text, offset } = withCursor(textWithCursor);
  const doc = document(text);
  return labels(await svc.doComplete(doc, doc.positionAt(offset), features));
}

/** "severity code `start of the range` message", easy to read in a failing assertion. */
function describeDiagnostics(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const doc = document(text);
  return diagnostics.map((d) => {
    const start = doc.offsetAt(d.range.start);
    const end = Math.min(doc.offsetAt(d.range.end), start + 24);
    const severity = d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'info';
    return `${severity} ${String(d.code)} \`${text.slice(start, end)}\` ${messages([d]).join('')}`;
  });
}

describe('template language service: deployable templates', () => {
  for (const name of templateFixtures()) {
    it(`${name}: no diagnostics, with schema features and with gallery checks only`, async () => {
      const text = fixture(name);
      const svc = service();
      assert.ok(svc.templateResources(document(text)).length > 0, 'no gallery resources found');
      assert.deepEqual(describeDiagnostics(text, await svc.doValidation(document(text))), []);
      assert.deepEqual(describeDiagnostics(text, await svc.doValidation(document(text), { schemaFeatures: false })), []);
    });
  }

  it('the generated 5,000-line benchmark template has no diagnostics either', async () => {
    const { text, lines } = generateBenchTemplate();
    assert.ok(lines >= 5000);
    assert.deepEqual(messages(await service().doValidation(document(text))), []);
  });
});

describe('template language service: seeded mistakes', () => {
  it('reports every mistake, once, with a clear message, the gallery source and nothing else', async () => {
    const text = fixture('mistakes.json');
    const diagnostics = await service().doValidation(document(text));
    assert.ok(diagnostics.every((d) => d.source === DIAGNOSTIC_SOURCE));
    assert.deepEqual(describeDiagnostics(text, diagnostics).sort(), [
      'error duplicateTargetRegion `"eastus"` Target region "eastus" is listed twice (as "East US" before). Azure rejects duplicate target regions.',
      'error imageVersionName `"myGallery/goodDefinitio` Image version name "1.0" must have three parts, Major.Minor.Patch (for example 1.0.0).',
      'error imageVersionName `"myGallery/goodDefinitio` Image version name "1.0.0-beta": Patch part "0-beta" is not an integer. Each part of Major.Minor.Patch must be an integer between 0 and 2,147,483,647.',
      'error imageVersionName `"myGallery/goodDefinitio` Image version name "1.0.99999999999": Patch part 99999999999 is larger than 2,147,483,647 (each part must be a 32-bit integer).',
      'error minGreaterThanMax `8` Recommended vCPUs: min (8) is greater than max (4). Azure rejects a minimum above the maximum.',
      'error nameSegments `"3.0.0"` A top-level Microsoft.Compute/galleries/images/versions resource needs a 3-part name "gallery/definition/version", not "3.0.0".',
      'error schema `"Windowz"` Value is not accepted. Valid values: "Windows", "Linux".',
      'error schema `"identifier"` Missing property "sku".',
      'error schema `"lots"` Incorrect type. Expected an integer: a number, a numeric string such as "1", or an ARM expression "[...]".',
      'error schema `"my-gallery"` A gallery name has 1-80 letters, digits, underscores or periods, starts and ends with a letter or digit, and has no hyphens.',
      'error schema `"properties"` Missing property "osState".',
      'error schema `"yes"` Incorrect type. Expected true or false (also "true" / "false", or an ARM expression "[...]").',
      'error schema `2` Value is not accepted. Valid values: "V1", "V2".',
      'error schema `{` Missing property "properties".',
      'error sourceRegionNotTargeted `[ { "name": "East US" },` The source region "West US" (the version\'s location) is not among the target regions ("East US", "eastus"). Azure requires publishingProfile.targetRegions to include the location of the image version.',
      'warning endOfLifeInPast `"2020-01-01T00:00:00Z"` End-of-life date 2020-01-01T00:00:00Z is in the past. Azure rejects creating or updating an image definition whose end-of-life date has passed ("EndOfLifeDate must be set to a future date").',
      'warning endOfLifeInPast `"2021-06-30"` End-of-life date 2021-06-30 is in the past. Azure rejects creating or updating an image version whose end-of-life date has passed ("EndOfLifeDate must be set to a future date").',
      'warning schema `"notes.txt"` Expected an absolute URI such as https://example.com/path.',
      'warning unknownProperty `"osTyp"` Unknown property "osTyp" in "properties". Did you mean "osType"? Azure ignores properties it does not know.',
    ]);
  });

  it('without schema features (next to ARM Tools) keeps only the gallery checks', async () => {
    const text = fixture('mistakes.json');
    const codes = (await service().doValidation(document(text), { schemaFeatures: false })).map((d) => String(d.code));
    assert.ok(!codes.includes('schema'));
    for (const code of ['imageVersionName', 'sourceRegionNotTargeted', 'duplicateTargetRegion', 'endOfLifeInPast', 'minGreaterThanMax', 'nameSegments', 'unknownProperty']) {
      assert.ok(codes.includes(code), code);
    }
  });

  it('checks the name segments of nested children and the security type of the definition', async () => {
    const text = template(`    {
      "type": "Microsoft.Compute/galleries", "apiVersion": "2025-12-03", "name": "g", "location": "westus",
      "resources": [
        {
          "type": "images", "apiVersion": "2025-12-03", "name": "g/def", "location": "westus",
          "properties": { "osType": "Linux", "osState": "Generalized", "identifier": { "publisher": "p", "offer": "o", "sku": "s" },
            "features": [ { "name": "SecurityType", "value": "TrustedLaunchSupported" } ] }
        }
      ]
    }`);
    assert.deepEqual(describeDiagnostics(text, await service().doValidation(document(text))).sort(), [
      'error nameSegments `"g/def"` An image definition declared inside its parent\'s resources as "images" takes a 1-part name relative to the parent, not "g/def".',
      'warning securityTypeNeedsGen2 `"TrustedLaunchSupported"` Security type "TrustedLaunchSupported" needs a Generation 2 image: set hyperVGeneration to "V2" (it defaults to "V1").',
    ]);
  });

  it('checks VM applications and their versions like images: version names, source region, end of life, nesting', async () => {
    const text = template(`    {
      "type": "Microsoft.Compute/galleries", "apiVersion": "2025-12-03", "name": "g", "location": "westus",
      "resources": [
        {
          "type": "applications", "apiVersion": "2025-12-03", "name": "g/app", "location": "westus",
          "properties": { "supportedOSType": "Linux", "endOfLifeDate": "2020-01-01" },
          "resources": [
            { "type": "versions", "apiVersion": "2025-12-03", "name": "1.0", "location": "westus",
              "properties": { "publishingProfile": { "source": { "mediaLink": "https://a.blob.core.windows.net/p/app?sv=2024&sig=SECRET" },
                "targetRegions": [ { "name": "eastus" }, { "name": "East US" } ] } } }
          ]
        }
      ]
    },
    {
      "type": "Microsoft.Compute/galleries/applications/versions", "apiVersion": "2025-12-03", "name": "g/app/1.0.99999999999", "location": "eastus",
      "properties": { "publishingProfile": { "source": { "mediaLink": "https://a.blob.core.windows.net/p/app" }, "endOfLifeDate": "2021-06-30",
        "storageAccountType": "Standard_LRS", "storageAccountStrategy": "PreferStandard_ZRS" } }
    },
    {
      "type": "Microsoft.Compute/galleries/applications", "apiVersion": "2025-12-03", "name": "app", "location": "eastus",
      "properties": { "supportedOSType": "Solaris" }
    }`);
    const diagnostics = describeDiagnostics(text, await service().doValidation(document(text))).sort();
    assert.deepEqual(diagnostics, [
      'error duplicateTargetRegion `"East US"` Target region "East US" is listed twice (as "eastus" before). Azure rejects duplicate target regions.',
      'error imageVersionName `"1.0"` Application version name "1.0" must have three parts, Major.Minor.Patch (for example 1.0.0).',
      'error imageVersionName `"g/app/1.0.99999999999"` Application version name "1.0.99999999999": Patch part 99999999999 is larger than 2,147,483,647 (each part must be a 32-bit integer).',
      'error nameSegments `"app"` A top-level Microsoft.Compute/galleries/applications resource needs a 2-part name "gallery/application", not "app".',
      'error nameSegments `"g/app"` A VM application declared inside its parent\'s resources as "applications" takes a 1-part name relative to the parent, not "g/app".',
      'error schema `"Solaris"` Value is not accepted. Valid values: "Windows", "Linux".',
      'error sourceRegionNotTargeted `[ { "name": "eastus" }, ` The source region "westus" (the version\'s location) is not among the target regions ("eastus", "East US"). Azure requires publishingProfile.targetRegions to include the location of the application version.',
      'error storageAccountTypeAndStrategy `"storageAccountStrategy"` storageAccountStrategy cannot be set together with storageAccountType in the publishing profile; keep one (a target region can still set its own storageAccountType).',
      'warning endOfLifeInPast `"2020-01-01"` End-of-life date 2020-01-01 is in the past. Azure rejects creating or updating an application whose end-of-life date has passed ("EndOfLifeDate must be set to a future date").',
      'warning endOfLifeInPast `"2021-06-30"` End-of-life date 2021-06-30 is in the past. Azure rejects creating or updating an application version whose end-of-life date has passed ("EndOfLifeDate must be set to a future date").',
    ]);
    // A mediaLink's SAS token is a credential: no message repeats it.
    assert.ok(diagnostics.every((line) => !line.includes('SECRET')));
    const svc = service();
    assert.deepEqual(
      svc.templateResources(document(text)).map((r) => r.kind),
      ['gallery', 'application', 'applicationVersion', 'applicationVersion', 'application'],
    );
  });

  it('accepts multi-segment relative child types with as many name segments', async () => {
    const text = template(`    {
      "type": "Microsoft.Compute/galleries", "apiVersion": "2025-12-03", "name": "g", "location": "westus",
      "resources": [
        { "type": "images/versions", "apiVersion": "2025-12-03", "name": "def/1.0.0", "location": "westus",
          "properties": { "storageProfile": { "source": { "id": "[parameters('source')]" } } } }
      ]
    }`);
    const svc = service();
    assert.deepEqual(svc.templateResources(document(text)).map((r) => r.fullType), ['Microsoft.Compute/galleries', 'Microsoft.Compute/galleries/images/versions']);
    assert.deepEqual(messages(await svc.doValidation(document(text))), []);
  });

  it('skips the checks where ARM expressions decide the value', async () => {
    const text = template(`    {
      "type": "Microsoft.Compute/galleries/images/versions", "apiVersion": "2025-12-03", "name": "[parameters('name')]", "location": "[parameters('location')]",
      "properties": {
        "publishingProfile": { "targetRegions": [ { "name": "eastus" } ], "endOfLifeDate": "[parameters('eol')]" },
        "storageProfile": { "source": { "id": "[parameters('source')]" } }
      }
    }`);
    assert.deepEqual(messages(await service().doValidation(document(text))), []);
  });
});

describe('template language service: completions and hover', () => {
  const definition = (properties: string): string =>
    template(`    {
      "type": "Microsoft.Compute/galleries/images",
      "apiVersion": "2025-12-03",
      "name": "g/def",
      "location": "westeurope",
      "properties": { ${properties} }
    }`);

  it('offers osType values with descriptions inside a template resource', async () => {
    const { text, offset } = withCursor(definition('"osType": |'));
    const doc = document(text);
    const list = await service().doComplete(doc, doc.positionAt(offset));
    assert.deepEqual(labels(list).sort(), ['"Linux"', '"Windows"']);
    assert.match(documentationOf(list, '"Windows"'), /Windows operating system/);
    const edit = list?.items[0]?.textEdit;
    assert.ok(edit && 'range' in edit);
    assert.equal(doc.offsetAt(edit.range.start), offset, 'the edit lands at the cursor in the real document');
  });

  it('offers template keywords at the resource level and body properties below, never read-only ones', async () => {
    const top = await completeAt(template(`    { "type": "Microsoft.Compute/galleries", | }`));
    for (const expected of ['apiVersion', 'name', 'location', 'properties', 'tags', 'identity', 'dependsOn', 'condition', 'copy']) {
      assert.ok(top.includes(expected), `${expected} missing from ${top.join(', ')}`);
    }
    assert.ok(!top.includes('id') && !top.includes('systemData'));
    const properties = await completeAt(
      template(`    { "type": "Microsoft.Compute/galleries/images/versions", "apiVersion": "2025-12-03", "name": "g/d/1.0.0", "location": "x", "properties": { | } }`),
    );
    assert.ok(properties.includes('publishingProfile') && properties.includes('storageProfile') && properties.includes('safetyProfile'));
    assert.ok(!properties.includes('replicationStatus') && !properties.includes('provisioningState'));
  });

  it('serves nested children with their own schema', async () => {
    const labelsInVersion = await completeAt(
      template(`    {
      "type": "Microsoft.Compute/galleries", "apiVersion": "2025-12-03", "name": "g", "location": "x",
      "resources": [ { "type": "images", "apiVersion": "2025-12-03", "name": "d", "location": "x",
        "properties": { "osType": "Linux", "osState": "Generalized", "identifier": { "publisher": "p", "offer": "o", "sku": "s" } },
        "resources": [ { "type": "versions", "apiVersion": "2025-12-03", "name": "1.0.0", "location": "x", "properties": { "publishingProfile": { | } } } ] } ]
    }`),
    );
    assert.ok(labelsInVersion.includes('targetRegions') && labelsInVersion.includes('excludeFromLatest') && labelsInVersion.includes('endOfLifeDate'));
  });

  it('serves languageVersion 2.0 symbolic-name resources', async () => {
    const text = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "resources": {
    "img": { "type": "Microsoft.Compute/images", "apiVersion": "2026-04-01", "name": "i", "location": "x", "properties": { "storageProfile": { "osDisk": { "caching": | } } } }
  }
}`;
    assert.deepEqual((await completeAt(text)).sort(), ['"None"', '"ReadOnly"', '"ReadWrite"']);
  });

  it('offers nothing outside gallery resources, in existing references, or in other JSON', async () => {
    assert.deepEqual(await completeAt(template(`    { "type": "Microsoft.Storage/storageAccounts", "properties": { | } }`)), []);
    assert.deepEqual(await completeAt(template(`    { "existing": true, "type": "Microsoft.Compute/galleries", "apiVersion": "2025-12-03", "name": "g", | }`)), []);
    assert.deepEqual(await completeAt('{ "name": "my-package", | }'), []);
  });

  it('hover describes the property in the template', async () => {
    const { text, offset } = withCursor(definition('"osState": "Gene|ralized"'));
    const doc = document(text);
    const hover = await service().doHover(doc, doc.positionAt(offset));
    assert.match(hoverText(hover), /Generalized' or 'Specialized'/);
    assert.match(hoverText(hover), /`Generalized`: The source was generalized/);
    assert.ok(hover?.range);
    assert.equal(text.slice(doc.offsetAt(hover.range.start), doc.offsetAt(hover.range.end)), '"Generalized"');
  });

  it('with schema features off (ARM Tools serves the document) offers no schema completions or hover', async () => {
    const { text, offset } = withCursor(definition('"osType": |'));
    const doc = document(text);
    const svc = service();
    assert.equal(await svc.doComplete(doc, doc.positionAt(offset), { schemaFeatures: false }), null);
    assert.equal(await svc.doHover(doc, doc.positionAt(offset), { schemaFeatures: false }), null);
  });

  it('adds live values from the provider, also when schema features are off and in body files', async () => {
    const requests: LiveValueRequest[] = [];
    const svc = service({
      liveValues: {
        provideValues: (request) => {
          requests.push(request);
          return request.path.join('.') === 'properties.publishingProfile.targetRegions.0.name' ? [{ value: 'westeurope', detail: 'West Europe' }] : [];
        },
      },
    });
    const versionText = template(`    { "type": "Microsoft.Compute/galleries/images/versions", "apiVersion": "2025-12-03", "name": "g/d/1.0.0", "location": "x",
      "properties": { "publishingProfile": { "targetRegions": [ { "name": "|" } ] } } }`);
    assert.deepEqual(await completeAt(versionText, { schemaFeatures: false }, svc), ['westeurope']);
    assert.equal(requests[0]?.kind, 'imageVersion');
    assert.equal(requests[0]?.resource?.name, 'g/d/1.0.0');

    const { text, offset } = withCursor('{ "location": "x", "properties": { "publishingProfile": { "targetRegions": [ { "name": | } ] } } }');
    const body = TextDocument.create('file:///work/v.imageversion.json', 'json', 1, text);
    const list = await svc.doComplete(body, body.positionAt(offset));
    assert.deepEqual(labels(list), ['westeurope']);
    const edit = list?.items[0]?.textEdit;
    assert.equal(edit?.newText, '"westeurope"');
  });

  it('runs the gallery checks on body files, and only those (VS Code validates their schema)', async () => {
    const text = JSON.stringify(
      { location: 'West US', properties: { publishingProfile: { targetRegions: [{ name: 'eastus' }], endOfLifeDate: '2020-01-01' }, storageProfile: {}, colour: 'red' } },
      null,
      2,
    );
    const codes = (await service().doValidation(TextDocument.create('file:///work/v.imageversion.json', 'json', 1, text))).map((d) => String(d.code)).sort();
    assert.deepEqual(codes, ['endOfLifeInPast', 'sourceRegionNotTargeted', 'unknownProperty']);
  });
});

describe('template language service: editing', () => {
  it('gives the same diagnostics after incremental edits as on a fresh service', async () => {
    const svc = service();
    let text = fixture('nestedChildren.json');
    let version = 1;
    const uri = 'file:///work/deploy/edited.json';
    const edits: Array<[string, string]> = [
      ['"osState": "Specialized"', '"osState": "Specialised"'],
      ['"regionalReplicaCount": 1,', '"regionalReplicaCount": "one",'],
      ['"name": "2024.11.0"', '"name": "2024.11"'],
      ['"name": "2024.11"', '"name": "2024.11.0"'],
      ['"location": "West Europe",\n      "properties"', '"location": "West Europe",\n      "comments": "x",\n      "properties"'],
    ];
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      version++;
      const incremental = await svc.doValidation(TextDocument.create(uri, 'json', version, text));
      const fresh = await service().doValidation(TextDocument.create(uri, 'json', 1, text));
      assert.deepEqual(incremental, fresh, `after ${to}`);
    }
  });

  for (const initialSeed of [4242, 8, 99]) {
    it(`gives the same diagnostics as a fresh service under random keystrokes, validated after some versions only (seed ${initialSeed})`, async () => {
      let seed = initialSeed;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return (seed >>> 8) % n; // the low bits of this generator repeat quickly
      };
      const alphabet = ['{', '}', '"', ',', ':', ' ', '\n', 'a', '1', '0', '"x"', 'Standard_LRS', '"type": "versions"', '"comments": 1,'];
      const svc = service();
      const uri = 'file:///work/deploy/random.json';
      let text = generateBenchTemplate(300).text.replace(/"endOfLifeDate": "2099/g, '"endOfLifeDate": "2025');
      let version = 1;
      let compared = 0;
      let withProblems = 0;
      for (let step = 0; step < 200; step++) {
        const kind = random(6);
        const at = random(text.length);
        if (kind === 0) {
          text = text.slice(0, at) + text.slice(at + 1 + random(3)); // delete
        } else if (kind === 1) {
          text = text.slice(0, at) + String(random(100)).padStart(2, '0') + text.slice(at + 2); // same length
        } else if (kind === 2) {
          // same text, new version
        } else if (kind === 3) {
          // inside a date value, as in the benchmark
          const date = text.indexOf('"endOfLifeDate": "20', at);
          const where = (date < 0 ? text.indexOf('"endOfLifeDate": "20') : date) + '"endOfLifeDate": "20'.length;
          text = text.slice(0, where) + String(random(100)).padStart(2, '0') + text.slice(where + 2);
        } else {
          text = text.slice(0, at) + (alphabet[random(alphabet.length)] ?? '') + text.slice(at);
        }
        version++;
        const doc = TextDocument.create(uri, 'json', version, text);
        if (random(4) === 0) {
          continue; // not validated: the next validation catches up over several edits
        }
        if (random(3) === 0) {
          await svc.doComplete(doc, doc.positionAt(random(text.length)));
        }
        const features = random(5) === 0 ? { schemaFeatures: false } : {};
        const incremental = await svc.doValidation(doc, features);
        const fresh = await service().doValidation(TextDocument.create(uri, 'json', 1, text), features);
        assert.deepEqual(incremental, fresh, `step ${step}`);
        compared++;
        withProblems += fresh.length > 0 ? 1 : 0;
      }
      assert.ok(compared > 80 && withProblems > 5, `${compared} compared, ${withProblems} with problems`);
    });
  }

  for (const [name, initialSeed] of [
    ['mistakes.json', 7],
    ['nestedChildren.json', 21],
    ['symbolicNames.json', 5],
    ['managedImages.json', 13],
  ] as const) {
    it(`re-validates only the edited value when typing inside values, with the same diagnostics as a fresh service (${name})`, async () => {
      let seed: number = initialSeed;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return (seed >>> 8) % n;
      };
      const typed = ['a', 'Z', '1', '0', '-', ':', ' ', 'T', '.', '_', '/', '[', ']'];
      const svc = service();
      const uri = `file:///work/deploy/typing-${name}`;
      let text = fixture(name);
      let version = 1;
      await svc.doValidation(TextDocument.create(uri, name.endsWith('.jsonc') ? 'jsonc' : 'json', version, text));
      let compared = 0;
      let undo: { rangeOffset: number; rangeLength: number; text: string } | undefined;
      for (let step = 0; step < 250; step++) {
        // A position inside a string value (not a key) of a gallery resource: where most keystrokes land.
        const resources = svc.templateResources(TextDocument.create(uri, 'json', version, text));
        const values: { offset: number; length: number }[] = [];
        visit(
          text,
          {
            onLiteralValue: (value: unknown, offset, length, _line, _character, pathSupplier) => {
              // Not the resource's type: typing there turns it into something else (also fine, but not this test's point).
              const last = pathSupplier().at(-1);
              const inResource = resources.some((r) => r.offset < offset && offset < r.offset + r.length);
              if (typeof value === 'string' && length > 2 && inResource && last !== 'type') {
                values.push({ offset, length });
              }
            },
          },
          { allowTrailingComma: true },
        );
        const value = values[random(values.length)];
        if (!value && !undo) {
          break;
        }
        const at = value ? value.offset + 1 + random(value.length - 1) : 0;
        let change: { rangeOffset: number; rangeLength: number; text: string };
        const kind = random(10);
        if (undo) {
          change = undo; // a keystroke that broke the structure, taken back
          undo = undefined;
        } else if (!value) {
          break;
        } else if (kind < 5) {
          change = { rangeOffset: at, rangeLength: 0, text: typed[random(typed.length)] ?? 'x' };
        } else if (kind < 8 && at < value.offset + value.length - 1) {
          change = { rangeOffset: at, rangeLength: 1, text: '' };
        } else if (kind < 9) {
          change = { rangeOffset: at, rangeLength: Math.min(2, value.offset + value.length - 1 - at), text: String(random(100)) };
        } else {
          const inserted = ['"', '{', '", "x": "', '\\'][random(4)] ?? '"'; // breaks the structure
          change = { rangeOffset: at, rangeLength: 0, text: inserted };
          undo = { rangeOffset: at, rangeLength: inserted.length, text: '' };
        }
        text = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
        version++;
        if (random(4) !== 0) {
          svc.didChange(uri, version, [change]); // what VS Code reports; sometimes missing, then the texts are compared
        }
        if (random(5) === 0) {
          continue; // not validated: the next validation catches up over several edits
        }
        const incremental = await svc.doValidation(TextDocument.create(uri, 'json', version, text));
        const fresh = await service().doValidation(TextDocument.create(uri, 'json', 1, text));
        assert.deepEqual(describeDiagnostics(text, incremental), describeDiagnostics(text, fresh), `step ${step}`);
        assert.deepEqual(incremental, fresh, `step ${step}`);
        compared++;
      }
      const counts = svc.validationCounts();
      assert.ok(compared > 150, `${compared} compared`);
      // Most keystrokes validated the edited value alone; structural ones fell back to the whole resource.
      assert.ok(counts.subtrees > compared / 2, JSON.stringify(counts));
    });
  }

  it('answers completions right after typing without analysing the whole template first', async () => {
    const svc = service();
    const base = generateBenchTemplate(1200);
    const uri = 'file:///work/deploy/big.json';
    await svc.doValidation(TextDocument.create(uri, 'json', 1, base.text));
    const at = base.completionOffsets[3] ?? 0;
    const typed = `${base.text.slice(0, at)} "replicationMode": "Full",${base.text.slice(at)}`;
    const doc = TextDocument.create(uri, 'json', 2, typed);
    const cursor = at + ' "replicationMode": "Full",'.length;
    const list = await svc.doComplete(doc, doc.positionAt(cursor));
    // Properties already in the publishing profile (targetRegions, excludeFromLatest, endOfLifeDate) are not offered again.
    assert.deepEqual(labels(list), ['replicaCount', 'storageAccountStrategy', 'storageAccountType', 'targetExtendedLocations']);
    assert.deepEqual(labels(list), labels(await service().doComplete(doc, doc.positionAt(cursor))));
    assert.deepEqual(messages(await svc.doValidation(doc)), []);
  });
});
