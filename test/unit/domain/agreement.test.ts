/**
 * Issue 10: every place that applies a domain rule must give the same verdict for the same input.
 *
 * One table per rule, with the verdict ARM gives (test/fixtures/reference/ARM_BEHAVIOUR.md §5, the project's user research notes (USERS.md);
 * the leading-zero decision is documented in src/domain/versions.ts). Each row is run through every consumer's public
 * entry point: the form's field validation, the host's validation before it sends (FormSession with a fake backend),
 * galleryChecks on a template holding the value, the generated JSON schema under vscode-json-languageservice (the
 * service the extension's template support uses), the tree's version parsing, and the domain rule itself.
 */
import * as assert from 'node:assert/strict';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { APPLICATION_TEXT_MAX_LENGTH, commandRefusal } from '../../../src/domain/applications';
import { deletionBlock, type VersionSafetyLike } from '../../../src/domain/deletionSafety';
import { COMMAND_MAX_LENGTH } from '../../emulator/kinds/galleryApplicationVersionKind';
import { endOfLifeRefusal, isPastEndOfLife } from '../../../src/domain/endOfLife';
import { galleryNameRule, identifierRule, imageDefinitionNameRule, managedImageNameRule, resourceGroupNameRule } from '../../../src/domain/names';
import { sameRegion } from '../../../src/domain/regions';
import { securityTypeNeedsGeneration2, securityTypeFitsGeneration } from '../../../src/domain/securityProfile';
import { versionNameRule } from '../../../src/domain/versions';
import { runGalleryChecks } from '../../../src/schemas/galleryChecks';
import type { GalleryResourceKind } from '../../../src/schemas/resourceKinds';
import { templateResourceSchema } from '../../../src/schemas/schemaCatalog';
import { endOfLifeStatus, parseVersionName } from '../../../src/tree/versionOrdering';
import type { FormBackend, SiblingFacts, SubmitRequest } from '../../../src/webview/FormBackend';
import { FormSession } from '../../../src/webview/FormSession';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import type { FormKind, FormValues, JsonObject, PickerOption, PickerSource, ValidationContext } from '../../../src/webview/forms/formTypes';
import type { HostMessage } from '../../../src/webview/protocol';

const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg`;
const GALLERY = `${RG_ID}/providers/Microsoft.Compute/galleries/g1`;
const DEFINITION = `${GALLERY}/images/ubuntu`;
const IMAGE = `${RG_ID}/providers/Microsoft.Compute/images/img1`;
const NOW_ISO = '2026-11-22T12:00:00.000Z';
const NOW = Date.parse(NOW_ISO);

const OPTIONS: Partial<Record<PickerSource, readonly PickerOption[]>> = {
  managedImages: [{ value: IMAGE, label: 'img1', facts: { location: 'eastus', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' } }],
};
const CONTEXT: ValidationContext = { now: NOW, options: OPTIONS, definition: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' } };

/** Values each form accepts as they are; a row changes one field. */
const BASE: Readonly<Record<FormKind, FormValues>> = {
  gallery: { subscriptionId: SUB, resourceGroupMode: 'existing', resourceGroup: 'rg', name: 'newGallery', location: 'eastus' },
  imageDefinition: {
    subscriptionId: SUB, galleryId: GALLERY, name: 'ubuntu-2404', location: 'eastus', osType: 'Linux', osState: 'Generalized',
    hyperVGeneration: 'V2', architecture: 'x64', publisher: 'Contoso', offer: 'Ubuntu', sku: '24_04',
  },
  imageVersion: {
    subscriptionId: SUB, galleryId: GALLERY, definitionId: DEFINITION, name: '1.2.3', location: 'eastus', sourceType: 'managedImage', managedImageId: IMAGE,
    targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '' }],
  },
  application: { subscriptionId: SUB, galleryId: GALLERY, name: 'contoso-agent', location: 'eastus', supportedOSType: 'Linux' },
  applicationVersion: {
    subscriptionId: SUB, galleryId: GALLERY, applicationId: `${GALLERY}/applications/contoso-agent`, name: '1.2.3', location: 'eastus',
    mediaLink: 'https://a.blob.core.windows.net/p/agent.zip?sv=2024&sig=abc', install: 'install.sh', remove: 'remove.sh',
    targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS' }],
  },
  managedImage: { subscriptionId: SUB, resourceGroup: 'rg', name: 'img-new', location: 'eastus', sourceType: 'blob', osType: 'Linux', osState: 'Generalized', osBlobUri: 'https://a.blob.core.windows.net/v/os.vhd' },
  gallerySharing: { subscriptionId: SUB, resourceGroup: 'rg', name: 'g1', location: 'eastus', permission: 'Private' },
};

function formValues(kind: FormKind, change: FormValues): FormValues {
  return { ...formDefinition(kind).defaults(), ...BASE[kind], ...change };
}

/** The form's own validation, as the webview runs it while the user types. */
function formErrors(kind: FormKind, change: FormValues, context: ValidationContext = CONTEXT): Record<string, string> {
  return { ...formDefinition(kind).validate(formValues(kind, change), 'create', context) };
}

class FakeBackend implements FormBackend {
  readonly submitted: SubmitRequest[] = [];
  loadOptions(source: PickerSource): Promise<PickerOption[]> {
    return Promise.resolve([...(OPTIONS[source] ?? [])]);
  }
  siblingScope(): string | undefined {
    return SUB;
  }
  loadSiblings(): Promise<SiblingFacts> {
    return Promise.resolve({ siblingNames: [], definition: CONTEXT.definition });
  }
  loadResource(): Promise<JsonObject> {
    return Promise.reject(new Error('not used in create mode'));
  }
  submit(request: SubmitRequest): Promise<void> {
    this.submitted.push(request);
    return Promise.resolve();
  }
}

/** The host's check before sending: FormSession with a fake backend. The field's error, and whether a request went out. */
async function hostVerdict(kind: FormKind, change: FormValues, field: string): Promise<{ error: string | undefined; sent: boolean; body?: JsonObject }> {
  const backend = new FakeBackend();
  const posted: HostMessage[] = [];
  const session = new FormSession({
    definition: formDefinition(kind),
    mode: 'create',
    values: formValues(kind, {}),
    backend,
    post: (message) => posted.push(message),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now: () => NOW,
  });
  session.handle({ type: 'ready' });
  await new Promise((resolve) => setTimeout(resolve, 5));
  session.handle({ type: 'submit', values: formValues(kind, change) });
  await new Promise((resolve) => setTimeout(resolve, 5));
  let error: string | undefined;
  for (const message of posted) {
    if (message.type === 'validation' && message.errors[field] !== undefined) {
      error = message.errors[field];
    }
  }
  return { error, sent: backend.submitted.length > 0, body: backend.submitted[0]?.body };
}

const TYPES: Readonly<Record<GalleryResourceKind, string>> = {
  gallery: 'Microsoft.Compute/galleries',
  imageDefinition: 'Microsoft.Compute/galleries/images',
  imageVersion: 'Microsoft.Compute/galleries/images/versions',
  application: 'Microsoft.Compute/galleries/applications',
  applicationVersion: 'Microsoft.Compute/galleries/applications/versions',
  managedImage: 'Microsoft.Compute/images',
};

function templateResource(kind: GalleryResourceKind, name: string, properties: JsonObject = {}, location = 'eastus'): JsonObject {
  return { type: TYPES[kind], apiVersion: '2025-12-03', name, location, properties };
}

/** galleryChecks on one top-level resource of a template: the problem codes. */
function galleryCheckCodes(kind: GalleryResourceKind, resource: JsonObject): string[] {
  const root = parseTree(JSON.stringify(resource));
  assert.ok(root);
  return runGalleryChecks({ kind, resource: root, template: { nested: false, declaredType: TYPES[kind] }, now: new Date(NOW) }).map((p) => p.code);
}

const jsonService = getLanguageService({});
const configured = new Set<GalleryResourceKind>();

/** The generated template-resource schema under vscode-json-languageservice: the diagnostics on the value at `path`. */
async function schemaMessagesAt(kind: GalleryResourceKind, resource: JsonObject, path: (string | number)[]): Promise<string[]> {
  if (!configured.has(kind)) {
    configured.add(kind);
    jsonService.configure({
      validate: true,
      schemas: [...configured].map((k) => ({ uri: `inmemory://schemas/${k}.json`, fileMatch: [`*.${k}.json`], schema: templateResourceSchema(k) })),
    });
  }
  const text = JSON.stringify(resource);
  const document = TextDocument.create(`inmemory://docs/resource.${kind}.json`, 'json', 1, text);
  const diagnostics = await jsonService.doValidation(document, jsonService.parseJSONDocument(document));
  const node = findNodeAtLocation(parseTree(text) ?? assert.fail('parse'), path);
  assert.ok(node, `no ${path.join('.')} in ${text}`);
  return diagnostics.filter((d) => document.offsetAt(d.range.start) === node.offset).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

interface Row {
  readonly value: string;
  /** ARM's verdict: does Azure accept it? */
  readonly valid: boolean;
}

const longDigits = (n: number): string => '0'.repeat(n - 1) + '1';

const VERSION_NAMES: readonly Row[] = [
  { value: '0.0.0', valid: true },
  { value: '1.0.0', valid: true },
  { value: '2018.12.1', valid: true },
  { value: '2147483647.2147483647.2147483647', valid: true },
  { value: '01.02.03', valid: true },
  { value: `${longDigits(10)}.0.0`, valid: true },
  { value: `1.0.${longDigits(10)}`, valid: true },
  { value: `${longDigits(11)}.0.0`, valid: false },
  { value: `1.${longDigits(11)}.0`, valid: false },
  { value: '2147483648.0.0', valid: false },
  { value: '1.0.99999999999', valid: false },
  { value: '1.0', valid: false },
  { value: '1.0.0.0', valid: false },
  { value: '1..0', valid: false },
  { value: '1.0.', valid: false },
  { value: '1.0.0-beta', valid: false },
  { value: 'v1.0.0', valid: false },
  { value: '-1.0.0', valid: false },
  { value: '+1.0.0', valid: false },
  { value: '1.0.0e1', valid: false },
  { value: '１.0.0', valid: false },
];

const FORBIDDEN = ['!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '+', '=', '/', '\\', ':', ';', ',', '~', '`', "'", '"', '<', '>', '?', '[', ']', '{', '}', '|', ' ', 'é'];

const GALLERY_NAMES: readonly Row[] = [
  { value: 'g', valid: true },
  { value: 'myGallery', valid: true },
  { value: '1gallery', valid: true },
  { value: 'my_gallery.v2', valid: true },
  { value: 'my_gallery_2', valid: true },
  { value: 'gallery_', valid: false },
  { value: 'a'.repeat(80), valid: true },
  { value: 'a'.repeat(81), valid: false },
  { value: 'my-gallery', valid: false },
  { value: '_gallery', valid: false },
  { value: '.gallery', valid: false },
  { value: 'gallery.', valid: false },
  ...FORBIDDEN.map((c) => ({ value: `gal${c}lery`, valid: false })),
];

const DEFINITION_NAMES: readonly Row[] = [
  { value: 'd', valid: true },
  { value: 'ubuntu-24_04.gen2', valid: true },
  { value: 'def_', valid: true },
  { value: 'a'.repeat(80), valid: true },
  { value: 'a'.repeat(81), valid: false },
  { value: '-def', valid: false },
  { value: '_def', valid: false },
  { value: '.def', valid: false },
  { value: 'def-', valid: false },
  { value: 'def.', valid: false },
  ...FORBIDDEN.map((c) => ({ value: `de${c}f`, valid: false })),
];

const MANAGED_IMAGE_NAMES: readonly Row[] = [
  { value: 'i', valid: true },
  { value: 'img-2024.01_a', valid: true },
  { value: 'img_', valid: true },
  { value: 'a'.repeat(80), valid: true },
  { value: 'a'.repeat(81), valid: false },
  { value: '-img', valid: false },
  { value: '_img', valid: false },
  { value: 'img-', valid: false },
  { value: 'img.', valid: false },
  ...FORBIDDEN.map((c) => ({ value: `im${c}g`, valid: false })),
];

const RESOURCE_GROUP_NAMES: readonly Row[] = [
  { value: 'rg', valid: true },
  { value: 'rg-images(prod)_1.x', valid: true },
  { value: 'rg-café', valid: true },
  { value: 'a'.repeat(90), valid: true },
  { value: 'a'.repeat(91), valid: false },
  { value: 'rg.', valid: false },
  ...FORBIDDEN.filter((c) => !'()é'.includes(c)).map((c) => ({ value: `r${c}g`, valid: false })),
];

function verdict(accepted: boolean): string {
  return accepted ? 'accepts' : 'refuses';
}

describe('domain rules: every consumer agrees with the domain rule and with ARM (issue 10)', () => {
  describe('image version names', () => {
    for (const { value, valid } of VERSION_NAMES) {
      it(`${JSON.stringify(value)}: everyone ${verdict(valid)} it`, async () => {
        const seen: Record<string, boolean> = {
          domain: versionNameRule(value) === undefined,
          tree: parseVersionName(value) !== undefined,
          form: formErrors('imageVersion', { name: value }).name === undefined,
          galleryChecks: !galleryCheckCodes('imageVersion', templateResource('imageVersion', `g1/ubuntu/${value}`)).includes('imageVersionName'),
          schema: (await schemaMessagesAt('imageVersion', templateResource('imageVersion', `g1/ubuntu/${value}`), ['name'])).length === 0,
          // VM application versions are named by the same rule (issue 12).
          applicationChecks: !galleryCheckCodes('applicationVersion', templateResource('applicationVersion', `g1/app/${value}`)).includes('imageVersionName'),
          applicationSchema: (await schemaMessagesAt('applicationVersion', templateResource('applicationVersion', `g1/app/${value}`), ['name'])).length === 0,
          applicationForm: formErrors('applicationVersion', { name: value }).name === undefined,
        };
        const host = await hostVerdict('imageVersion', { name: value }, 'name');
        seen.host = host.error === undefined;
        seen.applicationHost = (await hostVerdict('applicationVersion', { name: value }, 'name')).error === undefined;
        assert.deepEqual(seen, Object.fromEntries(Object.keys(seen).map((k) => [k, valid])));
        if (!valid) {
          assert.equal(host.sent, false, 'nothing is sent to Azure');
        }
      });
    }
  });

  const nameTables: readonly { title: string; kind: 'gallery' | 'imageDefinition' | 'application' | 'managedImage'; rows: readonly Row[]; domain: (name: string) => unknown; templateName: (name: string) => string }[] = [
    { title: 'gallery names', kind: 'gallery', rows: GALLERY_NAMES, domain: galleryNameRule, templateName: (n) => n },
    { title: 'image definition names', kind: 'imageDefinition', rows: DEFINITION_NAMES, domain: imageDefinitionNameRule, templateName: (n) => `g1/${n}` },
    // VM application names follow the image-definition rule (issue 12).
    { title: 'VM application names', kind: 'application', rows: DEFINITION_NAMES, domain: imageDefinitionNameRule, templateName: (n) => `g1/${n}` },
    { title: 'managed image names', kind: 'managedImage', rows: MANAGED_IMAGE_NAMES, domain: managedImageNameRule, templateName: (n) => n },
  ];
  for (const { title, kind, rows, domain, templateName } of nameTables) {
    describe(title, () => {
      for (const { value, valid } of rows) {
        it(`${JSON.stringify(value.length > 20 ? `${value.slice(0, 8)}…(${value.length})` : value)}: everyone ${verdict(valid)} it`, async () => {
          const host = await hostVerdict(kind, { name: value }, 'name');
          const seen = {
            domain: domain(value) === undefined,
            form: formErrors(kind, { name: value }).name === undefined,
            host: host.error === undefined,
            schema: (await schemaMessagesAt(kind, templateResource(kind, templateName(value)), ['name'])).length === 0,
          };
          assert.deepEqual(seen, { domain: valid, form: valid, host: valid, schema: valid });
          if (!valid) {
            assert.equal(host.sent, false, 'nothing is sent to Azure');
          }
        });
      }
    });
  }

  describe('publisher, offer and SKU of an image definition', () => {
    const IDENTIFIERS: readonly (Row & { field: 'publisher' | 'offer' | 'sku'; max: number })[] = [
      { field: 'publisher', max: 128, value: 'Contoso.Images-1_x', valid: true },
      { field: 'publisher', max: 128, value: 'p'.repeat(128), valid: true },
      { field: 'publisher', max: 128, value: 'p'.repeat(129), valid: false },
      { field: 'offer', max: 64, value: 'o'.repeat(64), valid: true },
      { field: 'offer', max: 64, value: 'o'.repeat(65), valid: false },
      { field: 'offer', max: 64, value: 'ends.', valid: false },
      { field: 'sku', max: 64, value: '.starts', valid: true },
      { field: 'sku', max: 64, value: 'sku-', valid: true },
      ...FORBIDDEN.map((c) => ({ field: 'sku' as const, max: 64, value: `s${c}ku`, valid: false })),
    ];
    for (const { field, max, value, valid } of IDENTIFIERS) {
      it(`${field} ${JSON.stringify(value.length > 20 ? `${value.slice(0, 8)}…(${value.length})` : value)}: everyone ${verdict(valid)} it`, async () => {
        const resource = templateResource('imageDefinition', 'g1/d', { identifier: { publisher: 'p', offer: 'o', sku: 's', [field]: value } });
        const seen = {
          domain: identifierRule(value, max) === undefined,
          form: formErrors('imageDefinition', { [field]: value })[field] === undefined,
          schema: (await schemaMessagesAt('imageDefinition', resource, ['properties', 'identifier', field])).length === 0,
        };
        assert.deepEqual(seen, { domain: valid, form: valid, schema: valid });
      });
    }
  });

  describe('resource group names (new resource group of a form)', () => {
    for (const { value, valid } of RESOURCE_GROUP_NAMES) {
      it(`${JSON.stringify(value.length > 20 ? `${value.slice(0, 8)}…(${value.length})` : value)}: everyone ${verdict(valid)} it`, async () => {
        const change = { resourceGroupMode: 'new', newResourceGroup: value };
        const host = await hostVerdict('gallery', change, 'newResourceGroup');
        const seen = {
          domain: resourceGroupNameRule(value) === undefined,
          form: formErrors('gallery', change).newResourceGroup === undefined,
          host: host.error === undefined,
        };
        assert.deepEqual(seen, { domain: valid, form: valid, host: valid });
      });
    }
  });

  describe('regions in different spellings', () => {
    const PAIRS: readonly { location: string; target: string; same: boolean }[] = [
      { location: 'westeurope', target: 'West Europe', same: true },
      { location: 'westeurope', target: 'WestEurope', same: true },
      { location: 'West Europe', target: 'west  europe', same: true },
      { location: 'East US 2', target: 'eastus2', same: true },
      { location: 'westeurope', target: 'North Europe', same: false },
      { location: 'eastus', target: 'eastus2', same: false },
    ];
    // No source facts: only the region rules speak.
    const context: ValidationContext = { ...CONTEXT, options: {} };
    const row = (name: string) => ({ name, replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '' });
    for (const { location, target, same } of PAIRS) {
      it(`${JSON.stringify(location)} and ${JSON.stringify(target)} are ${same ? 'the same region' : 'different regions'} everywhere`, () => {
        const version = (regions: readonly string[], at: string) =>
          templateResource('imageVersion', 'g1/ubuntu/1.0.0', { publishingProfile: { targetRegions: regions.map((name) => ({ name })) } }, at);
        const twice = formErrors('imageVersion', { location, targetRegions: [row(location), row(target)] }, context);
        const seen = {
          domain: sameRegion(location, target),
          formSourceTargeted: formErrors('imageVersion', { location, targetRegions: [row(target)] }, context).targetRegions === undefined,
          formDuplicate: twice['targetRegions[1].name'] !== undefined,
          checksSourceTargeted: !galleryCheckCodes('imageVersion', version([target], location)).includes('sourceRegionNotTargeted'),
          checksDuplicate: galleryCheckCodes('imageVersion', version([location, target], location)).includes('duplicateTargetRegion'),
          applicationSourceTargeted: !galleryCheckCodes('applicationVersion', { ...version([target], location), type: TYPES.applicationVersion, name: 'g1/app/1.0.0' }).includes(
            'sourceRegionNotTargeted',
          ),
          applicationDuplicate: galleryCheckCodes('applicationVersion', { ...version([location, target], location), type: TYPES.applicationVersion, name: 'g1/app/1.0.0' }).includes(
            'duplicateTargetRegion',
          ),
        };
        assert.deepEqual(seen, Object.fromEntries(Object.keys(seen).map((k) => [k, same])));
      });
    }
  });

  describe('end-of-life dates (now is 2026-11-22T12:00Z)', () => {
    const DATES: readonly { value: string; future: boolean; day: boolean }[] = [
      { value: '2020-01-01', future: false, day: true },
      { value: '2026-11-21', future: false, day: true },
      { value: '2026-11-22', future: false, day: true },
      { value: '2026-11-23', future: true, day: true },
      { value: '2031-01-01', future: true, day: true },
      { value: NOW_ISO, future: false, day: false },
      { value: '2026-11-22T11:59:59Z', future: false, day: false },
      { value: '2026-11-22T12:00:01Z', future: true, day: false },
    ];
    for (const { value, future, day } of DATES) {
      it(`${value} is ${future ? 'accepted' : 'refused as not in the future'} everywhere`, () => {
        const seen: Record<string, boolean> = {
          domain: endOfLifeRefusal(value, NOW) === undefined,
          domainPast: !isPastEndOfLife(value, NOW),
          tree: endOfLifeStatus(value, new Date(NOW))?.kind !== 'passed',
          checksVersion: !galleryCheckCodes('imageVersion', templateResource('imageVersion', 'g1/ubuntu/1.0.0', { publishingProfile: { endOfLifeDate: value } })).includes('endOfLifeInPast'),
          checksDefinition: !galleryCheckCodes('imageDefinition', templateResource('imageDefinition', 'g1/d', { endOfLifeDate: value })).includes('endOfLifeInPast'),
          checksApplication: !galleryCheckCodes('application', templateResource('application', 'g1/app', { supportedOSType: 'Linux', endOfLifeDate: value })).includes('endOfLifeInPast'),
          checksApplicationVersion: !galleryCheckCodes(
            'applicationVersion',
            templateResource('applicationVersion', 'g1/app/1.0.0', { publishingProfile: { source: { mediaLink: 'https://a.blob.core.windows.net/c/app' }, endOfLifeDate: value } }),
          ).includes('endOfLifeInPast'),
        };
        if (day) {
          // The forms take a day (YYYY-MM-DD) only.
          seen.formVersion = formErrors('imageVersion', { endOfLifeDate: value }).endOfLifeDate === undefined;
          seen.formDefinition = formErrors('imageDefinition', { endOfLifeDate: value }).endOfLifeDate === undefined;
        }
        assert.deepEqual(seen, Object.fromEntries(Object.keys(seen).map((k) => [k, future])));
      });
    }
  });

  describe('security type and VM generation', () => {
    const COMBOS: readonly { securityType: string; generation: string; ok: boolean }[] = [
      { securityType: '', generation: 'V1', ok: true },
      { securityType: '', generation: 'V2', ok: true },
      { securityType: 'TrustedLaunchSupported', generation: 'V2', ok: true },
      { securityType: 'TrustedLaunchSupported', generation: 'V1', ok: false },
      { securityType: 'TrustedLaunchSupported', generation: '', ok: false },
      { securityType: 'TrustedLaunch', generation: 'V1', ok: false },
      { securityType: 'ConfidentialVM', generation: 'V2', ok: true },
      { securityType: 'ConfidentialVmSupported', generation: 'V1', ok: false },
      { securityType: 'TrustedLaunchAndConfidentialVmSupported', generation: 'V1', ok: false },
      { securityType: 'TrustedLaunchAndConfidentialVmSupported', generation: 'V2', ok: true },
    ];
    for (const { securityType, generation, ok } of COMBOS) {
      it(`${securityType || 'Standard (none)'} on ${generation || 'the default generation'}: ${ok ? 'accepted' : 'refused'} everywhere`, () => {
        const features = securityType ? [{ name: 'SecurityType', value: securityType }] : [];
        const properties: JsonObject = { features, ...(generation ? { hyperVGeneration: generation } : {}) };
        const seen = {
          domain: securityTypeFitsGeneration(securityType, generation),
          domainNeeds: !securityTypeNeedsGeneration2(securityType) || generation === 'V2',
          form: formErrors('imageDefinition', { securityType, hyperVGeneration: generation }).securityType === undefined,
          galleryChecks: !galleryCheckCodes('imageDefinition', templateResource('imageDefinition', 'g1/d', properties)).includes('securityTypeNeedsGen2'),
        };
        assert.deepEqual(seen, { domain: ok, domainNeeds: ok, form: ok, galleryChecks: ok });
      });
    }
  });
  describe('deletion blocked before end of life, with no end-of-life date (issue 11; now is 2026-11-22T12:00Z)', () => {
    const CASES: readonly { block: boolean; endOfLifeDate: string; forever: boolean }[] = [
      { block: true, endOfLifeDate: '', forever: true },
      { block: true, endOfLifeDate: '2027-06-30', forever: false },
      { block: true, endOfLifeDate: '2031-01-01', forever: false },
      { block: false, endOfLifeDate: '', forever: false },
    ];
    for (const { block, endOfLifeDate, forever } of CASES) {
      const title = `${block ? 'blocked' : 'not blocked'}, ${endOfLifeDate ? `end of life ${endOfLifeDate}` : 'no end of life'}`;
      it(`${title}: ${forever ? 'warned as never deletable' : 'no warning'} everywhere, and Azure gets the request`, async () => {
        const change: FormValues = { blockDeletionBeforeEndOfLife: block, endOfLifeDate };
        const host = await hostVerdict('imageVersion', change, 'blockDeletionBeforeEndOfLife');
        assert.equal(host.sent, true, 'a warning never stops the request');
        const sentProperties = (host.body?.properties ?? {}) as VersionSafetyLike;
        const eol = endOfLifeDate ? `${endOfLifeDate}T00:00:00.000Z` : undefined;
        const publishing: JsonObject = { targetRegions: [{ name: 'eastus' }] };
        if (eol) {
          publishing.endOfLifeDate = eol;
        }
        const properties: JsonObject = { publishingProfile: publishing, safetyProfile: { blockDeletionBeforeEndOfLife: block } };
        const seen = {
          domain: deletionBlock({ safetyProfile: { blockDeletionBeforeEndOfLife: block }, publishingProfile: { endOfLifeDate: eol } }, NOW)?.reason === 'noEndOfLife',
          form: formDefinition('imageVersion').warnings?.(formValues('imageVersion', change), 'create', CONTEXT).blockDeletionBeforeEndOfLife !== undefined,
          // What the host sent, read back by the rule the tree and the delete command apply.
          hostSent: deletionBlock(sentProperties, NOW)?.reason === 'noEndOfLife',
          galleryChecks: galleryCheckCodes('imageVersion', templateResource('imageVersion', 'g1/ubuntu/1.0.0', properties)).includes('deletionBlockedWithoutEndOfLife'),
        };
        assert.deepEqual(seen, { domain: forever, form: forever, hostSent: forever, galleryChecks: forever });
      });
    }
  });

  describe('VM application commands and file names: ARM\'s 4096-character limit (issue 12)', () => {
    it('the emulator (held against ARM) and the domain rule have the same limit', () => {
      assert.equal(APPLICATION_TEXT_MAX_LENGTH, COMMAND_MAX_LENGTH);
    });
    const FIELDS: ReadonlyArray<[string, string, string]> = [
      ['install', 'manageActions', 'install'],
      ['remove', 'manageActions', 'remove'],
      ['update', 'manageActions', 'update'],
      ['packageFileName', 'settings', 'packageFileName'],
      ['configFileName', 'settings', 'configFileName'],
    ];
    for (const length of [1, 4096, 4097]) {
      const valid = length <= 4096;
      it(`${length} characters: ${valid ? 'accepted' : 'refused'} by the domain, the form, the host and galleryChecks`, async () => {
        const value = 'x'.repeat(length);
        for (const [field, holder, key] of FIELDS) {
          const host = await hostVerdict('applicationVersion', { [field]: value }, field);
          const seen = {
            domain: commandRefusal(value, false) === undefined,
            form: formErrors('applicationVersion', { [field]: value })[field] === undefined,
            host: host.error === undefined && host.sent,
            galleryChecks: !galleryCheckCodes(
              'applicationVersion',
              templateResource('applicationVersion', 'g1/contoso-agent/1.0.0', { publishingProfile: { targetRegions: [{ name: 'eastus' }], [holder]: { [key]: value } } }),
            ).includes('applicationTextTooLong'),
          };
          assert.deepEqual(seen, { domain: valid, form: valid, host: valid, galleryChecks: valid }, field);
        }
      });
    }
  });
});
