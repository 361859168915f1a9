import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-json-languageservice';
import { checksAffectedByEdit } from '../../../src/schemas/galleryChecks';
import type { ValidationCounts } from '../../../src/schemas/GalleryTemplateLanguageService';
import { GalleryTemplateLanguageService } from '../../../src/schemas/GalleryTemplateLanguageService';
import { messages } from './schemaTestSupport';

const NOW = new Date('2026-06-01T00:00:00Z');

function service(): GalleryTemplateLanguageService {
  return new GalleryTemplateLanguageService({ now: () => NOW });
}

function version(name: string, location: string, regions: string, extra = ''): string {
  return `            {
              "type": "versions",
              "apiVersion": "2025-12-03",
              "name": "${name}",
              "location": "${location}",
              "dependsOn": [ "[resourceId('Microsoft.Compute/galleries/images', 'gallery', 'image')]" ],
              "properties": {
                "publishingProfile": {
                  "targetRegions": [ ${regions} ],${extra}
                  "endOfLifeDate": "2099-12-31T00:00:00Z"
                },
                "storageProfile": { "source": { "id": "[parameters('sourceImageId')]" } }
              }
            }`;
}

const FIRST = version('1.0.0', 'westeurope', '{ "name": "northeurope" }', '\n                  "excludeFromLatests": false,');
const SECOND = version('1.0.1', 'westeurope', '{ "name": "westeurope" }, { "name": "West Europe" }');

/** A gallery, a definition with two problems, and two versions with problems before and after the values edited below. */
const TEMPLATE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "sourceImageId": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Compute/galleries",
      "apiVersion": "2025-12-03",
      "name": "gallery",
      "location": "westeurope",
      "resources": [
        {
          "type": "images",
          "apiVersion": "2025-12-03",
          "name": "image",
          "location": "westeurope",
          "properties": {
            "osType": "Linux",
            "osState": "Generalized",
            "hyperVGeneration": "V1",
            "identifier": { "publisher": "contoso", "offer": "offer", "sku": "sku" },
            "recommended": { "vCPUs": { "min": 8, "max": 4 } },
            "features": [ { "name": "SecurityType", "value": "TrustedLaunch" } ]
          },
          "resources": [
${FIRST},
${SECOND}
          ]
        }
      ]
    }
  ]
}
`;

/**
 * Types into one document the way the editor does (didChange, then validation) and after each edit compares the
 * service's incremental diagnostics with a fresh service's full validation of the same text.
 */
class EditingSession {
  private readonly svc = service();
  private readonly uri = 'file:///work/deploy/incremental.json';
  private version = 1;
  text = TEMPLATE;

  async start(): Promise<Diagnostic[]> {
    return this.svc.doValidation(TextDocument.create(this.uri, 'json', this.version, this.text));
  }

  /** Replaces the first `from` after the first `anchor` (the range VS Code would report), and validates. */
  async replace(anchor: string, from: string, to: string): Promise<{ diagnostics: Diagnostic[]; counts: ValidationCounts }> {
    const anchorAt = this.text.indexOf(anchor);
    assert.ok(anchorAt >= 0, `anchor ${anchor}`);
    const at = this.text.indexOf(from, anchorAt);
    assert.ok(at >= 0, `${from} after ${anchor}`);
    this.text = this.text.slice(0, at) + to + this.text.slice(at + from.length);
    this.version++;
    const before = this.svc.validationCounts();
    this.svc.didChange(this.uri, this.version, [{ rangeOffset: at, rangeLength: from.length, text: to }]);
    const incremental = await this.svc.doValidation(TextDocument.create(this.uri, 'json', this.version, this.text));
    const fresh = await service().doValidation(TextDocument.create(this.uri, 'json', 1, this.text));
    assert.deepEqual(incremental, fresh, `after replacing ${from} by ${to}`);
    const after = this.svc.validationCounts();
    return {
      diagnostics: incremental,
      counts: { resources: after.resources - before.resources, subtrees: after.subtrees - before.subtrees, partialChecks: after.partialChecks - before.partialChecks },
    };
  }

  /** "code `text at the diagnostic`", sorted. */
  describe(diagnostics: readonly Diagnostic[]): string[] {
    const doc = TextDocument.create(this.uri, 'json', this.version, this.text);
    return diagnostics.map((d) => `${String(d.code)} \`${this.text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)).slice(0, 30)}\``).sort();
  }
}

/** Only the edited value validated again, and only the checks reading it. */
const VALUE_ONLY: ValidationCounts = { resources: 0, subtrees: 1, partialChecks: 1 };

const INITIAL = [
  'duplicateTargetRegion `"West Europe"`',
  'minGreaterThanMax `8`',
  'securityTypeNeedsGen2 `"TrustedLaunch"`',
  'sourceRegionNotTargeted `[ { "name": "northeurope" } ]`',
  'unknownProperty `"excludeFromLatests"`',
].sort();

describe('template language service: gallery checks after an edit', () => {
  it('keeps the problems of the checks an edited value is not read by, moved with the text (an edit before them)', async () => {
    const session = new EditingSession();
    assert.deepEqual(session.describe(await session.start()), INITIAL);
    // Typing inside the first version's dependsOn expression: no check reads it, all of them move.
    const typed = await session.replace('"name": "1.0.0"', "'image'", "'imageX'");
    assert.deepEqual(session.describe(typed.diagnostics), INITIAL);
    assert.deepEqual(typed.counts, VALUE_ONLY);
    const deleted = await session.replace('"name": "1.0.0"', "'imageX'", "'im'");
    assert.deepEqual(session.describe(deleted.diagnostics), INITIAL);
    assert.deepEqual(deleted.counts, VALUE_ONLY);
  });

  it('runs the end-of-life check again when its date is edited, and only that one', async () => {
    const session = new EditingSession();
    await session.start();
    const past = await session.replace('"name": "1.0.0"', '"2099', '"2001');
    assert.deepEqual(session.describe(past.diagnostics), [...INITIAL, 'endOfLifeInPast `"2001-12-31T00:00:00Z"`'].sort());
    assert.deepEqual(past.counts, VALUE_ONLY);
    const future = await session.replace('"name": "1.0.0"', '"2001-12', '"2101-12');
    assert.deepEqual(session.describe(future.diagnostics), INITIAL);
    assert.deepEqual(future.counts, VALUE_ONLY);
  });

  it('puts the source region among the target regions, and takes it out again through the location', async () => {
    const session = new EditingSession();
    await session.start();
    const targeted = await session.replace('"name": "1.0.0"', 'northeurope', 'westeurope');
    assert.deepEqual(
      session.describe(targeted.diagnostics),
      INITIAL.filter((line) => !line.startsWith('sourceRegionNotTargeted')),
    );
    assert.deepEqual(targeted.counts, VALUE_ONLY);
    const relocated = await session.replace('"name": "1.0.0"', 'westeurope', 'northeurope'); // the location, before targetRegions
    assert.deepEqual(session.describe(relocated.diagnostics), [...INITIAL.filter((line) => !line.startsWith('sourceRegionNotTargeted')), 'sourceRegionNotTargeted `[ { "name": "westeurope" } ]`'].sort());
    assert.ok(messages(relocated.diagnostics).some((message) => message.includes('"northeurope"')), 'the message names the new location');
    assert.deepEqual(relocated.counts, VALUE_ONLY);
    // A duplicate made and unmade inside the second version's regions.
    const distinct = await session.replace('"name": "1.0.1"', 'West Europe', 'North Europe');
    assert.ok(!session.describe(distinct.diagnostics).some((line) => line.startsWith('duplicateTargetRegion')));
    assert.deepEqual(distinct.counts, VALUE_ONLY);
  });

  it('runs the version-name check again when the version name changes, replacing the schema message on it', async () => {
    const session = new EditingSession();
    await session.start();
    const short = await session.replace('"name": "1.0.1"', '1.0.1', '1.0');
    assert.deepEqual(session.describe(short.diagnostics), [...INITIAL, 'imageVersionName `"1.0"`'].sort());
    assert.ok(messages(short.diagnostics.filter((d) => d.code === 'imageVersionName')).some((message) => message.includes('Major.Minor.Patch')));
    const letters = await session.replace('"name": "1.0"', '1.0', '1.0.x');
    assert.deepEqual(session.describe(letters.diagnostics), [...INITIAL, 'imageVersionName `"1.0.x"`'].sort());
    const fixed = await session.replace('"name": "1.0.x"', '1.0.x', '1.0.2');
    assert.deepEqual(session.describe(fixed.diagnostics), INITIAL);
  });

  it('validates a new resource whole and keeps the others', async () => {
    const session = new EditingSession();
    await session.start();
    const added = await session.replace('"name": "1.0.1"', '            }\n          ]', `            },\n${version('2.0', 'westeurope', '{ "name": "eastus" }')}\n          ]`);
    assert.deepEqual(
      session.describe(added.diagnostics),
      [...INITIAL, 'imageVersionName `"2.0"`', 'sourceRegionNotTargeted `[ { "name": "eastus" } ]`'].sort(),
    );
    // Then an edit inside the new resource: its value alone.
    const edited = await session.replace('"name": "2.0"', 'eastus', 'westeurope');
    assert.deepEqual(session.describe(edited.diagnostics), [...INITIAL, 'imageVersionName `"2.0"`'].sort());
    assert.deepEqual(edited.counts, VALUE_ONLY);
  });

  it('forgets the problems of a deleted resource and keeps the others', async () => {
    const session = new EditingSession();
    await session.start();
    const removed = await session.replace('"resources": [\n            {', `${FIRST},\n`, '');
    assert.deepEqual(
      session.describe(removed.diagnostics),
      INITIAL.filter((line) => !line.startsWith('sourceRegionNotTargeted') && !line.startsWith('unknownProperty')),
    );
  });

  it('runs the unknown-property check again when an edit adds a key (an object edited, not a value)', async () => {
    const session = new EditingSession();
    await session.start();
    const typo = await session.replace('"name": "1.0.1"', '"endOfLifeDate"', '"replicaCont": 1,\n                  "endOfLifeDate"');
    assert.deepEqual(session.describe(typo.diagnostics), [...INITIAL, 'unknownProperty `"replicaCont"`'].sort());
    const fixed = await session.replace('"name": "1.0.1"', 'replicaCont"', 'replicaCount"');
    assert.deepEqual(session.describe(fixed.diagnostics), INITIAL);
  });
});

describe('gallery checks: which checks an edit affects', () => {
  const groups = (path: (string | number)[], scalar = true): string[] => [...checksAffectedByEdit(path, scalar).groups].sort();

  it('names the checks reading the edited value, a member holding it or a value inside it (keys without case)', () => {
    // The end-of-life date is read by its own check and by the deletion-safety check (a block needs a date).
    assert.deepEqual(groups(['properties', 'publishingProfile', 'endOfLifeDate']), ['deletionSafety', 'endOfLife']);
    assert.deepEqual(groups(['properties', 'safetyProfile', 'blockDeletionBeforeEndOfLife']), ['deletionSafety']);
    assert.deepEqual(groups(['location']), ['targetRegions']);
    assert.deepEqual(groups(['Properties', 'PublishingProfile', 'TargetRegions', 1, 'name']), ['targetRegions']);
    assert.deepEqual(groups(['name']), ['name']);
    assert.deepEqual(groups(['properties', 'recommended', 'vCPUs', 'min']), ['recommended']);
    assert.deepEqual(groups(['properties', 'features', 0, 'value']), ['securityType']);
    assert.deepEqual(groups(['properties', 'hyperVGeneration']), ['securityType']);
    assert.deepEqual(groups(['properties', 'publishingProfile', 'storageAccountStrategy']), ['storageAccount']);
    assert.deepEqual(groups(['properties', 'publishingProfile', 'manageActions', 'install']), ['applicationCommands']);
  });

  it('names none for a scalar no check reads, and the unknown-property check for an edited object or array', () => {
    assert.deepEqual(groups(['dependsOn', 0]), []);
    assert.deepEqual(groups(['properties', 'storageProfile', 'source', 'id']), []);
    assert.deepEqual(groups(['tags'], false), ['unknownProperties']);
    assert.deepEqual(groups(['properties', 'publishingProfile'], false), ['applicationCommands', 'deletionSafety', 'endOfLife', 'storageAccount', 'targetRegions', 'unknownProperties']);
    assert.deepEqual(checksAffectedByEdit(['properties', 'publishingProfile', 'targetRegions'], false).codes, new Set(['duplicateTargetRegion', 'sourceRegionNotTargeted', 'unknownProperty']));
  });
});
