/**
 * The body schemas as VS Code uses them through the jsonValidation contribution: the REST examples Microsoft publishes
 * validate cleanly, completions and hover say what a user needs, read-only properties are accepted but never offered.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-json-languageservice';
import { GalleryTemplateLanguageService } from '../../../src/schemas/GalleryTemplateLanguageService';
import { GALLERY_RESOURCE_KINDS, RESOURCE_KIND_INFO } from '../../../src/schemas/resourceKinds';
import { completeBody, documentationOf, hoverBody, hoverText, labels, messages, restExamples, validateBody } from './schemaTestSupport';

const NOW = new Date('2026-06-01T00:00:00Z');
/** When Microsoft's VM application version examples were written: their end-of-life date (2019-07-01) was still ahead. */
const EXAMPLES_WRITTEN = new Date('2019-06-01T00:00:00Z');
const PAST_END_OF_LIFE = /^End-of-life date 2019-07-01T07:00:00(Z|\+00:00) is in the past\. Azure rejects creating or updating an application version /;

/** The service's diagnostics for a body file: none, or (today) only the warning that the examples' end-of-life date has passed. */
async function serviceMessages(uri: string, text: string): Promise<string[]> {
  const document = TextDocument.create(uri, 'json', 1, text);
  const today = messages(await new GalleryTemplateLanguageService({ now: () => NOW }).doValidation(document));
  const then = messages(await new GalleryTemplateLanguageService({ now: () => EXAMPLES_WRITTEN }).doValidation(document));
  assert.deepEqual(
    today.filter((message) => !PAST_END_OF_LIFE.test(message)),
    then,
    `${uri}: only the end-of-life warning depends on the date`,
  );
  assert.equal(today.length - then.length, text.includes('"endOfLifeDate": "2019-07-01T07:00:00') ? 1 : 0, `${uri}: the 2019 end-of-life date is reported`);
  return then;
}

describe('body schemas: REST examples', function () {
  const examples = restExamples();
  const requests = examples.filter((example) => (example.operation === 'create' || example.operation === 'update') && example.requestBody !== undefined);

  it('finds the example requests of every kind, PUT and PATCH', () => {
    const found = new Set(requests.map((example) => `${example.kind}:${example.operation}`));
    for (const kind of GALLERY_RESOURCE_KINDS) {
      assert.ok(found.has(`${kind}:create`), `${kind} create example`);
      assert.ok(found.has(`${kind}:update`), `${kind} update example`);
    }
  });

  for (const example of requests) {
    const info = RESOURCE_KIND_INFO[example.kind];
    const fileName = `request${example.operation === 'update' ? info.updateBodyFileSuffix : info.bodyFileSuffix}`;
    it(`${example.file}: the request body has no diagnostics as ${fileName}`, async () => {
      const text = JSON.stringify(example.requestBody, null, 2);
      assert.deepEqual(messages(await validateBody(fileName, text)), []);
      assert.deepEqual(await serviceMessages(`file:///requests/${fileName}`, text), []);
    });
  }

  it('update (PATCH) bodies get their own schema: the create schema would demand a location', async () => {
    for (const example of requests.filter((candidate) => candidate.operation === 'update')) {
      const text = JSON.stringify(example.requestBody, null, 2);
      assert.deepEqual(messages(await validateBody(`x${RESOURCE_KIND_INFO[example.kind].bodyFileSuffix}`, text)), ['Missing property "location".'], example.file);
    }
  });

  it('every response body (GET, list items, PUT/PATCH responses) validates as a create body: read-only properties are accepted', async () => {
    let checked = 0;
    for (const example of examples) {
      for (const body of example.responseBodies) {
        const fileName = `response${RESOURCE_KIND_INFO[example.kind].bodyFileSuffix}`;
        const text = JSON.stringify(body, null, 2);
        assert.deepEqual(messages(await validateBody(fileName, text)), [], example.file);
        assert.deepEqual(await serviceMessages(`file:///responses/${fileName}`, text), [], example.file);
        checked++;
      }
    }
    assert.ok(checked >= 30, `only ${checked} response bodies found`);
  });
});

describe('body schemas: completions and hover', () => {
  it('offers Windows and Linux for osType, each with a description', async () => {
    const list = await completeBody('ubuntu.imagedefinition.json', '{ "location": "westeurope", "properties": { "osType": | } }');
    assert.deepEqual(labels(list).sort(), ['"Linux"', '"Windows"']);
    assert.match(documentationOf(list, '"Linux"'), /Linux operating system/);
    assert.match(documentationOf(list, '"Windows"'), /Windows operating system/);
  });

  it('offers the publishing profile settings inside publishingProfile, and not publishedDate', async () => {
    const list = await completeBody('v.imageversion.json', '{ "location": "westeurope", "properties": { "publishingProfile": { | }, "storageProfile": {} } }');
    const offered = labels(list);
    for (const expected of ['targetRegions', 'excludeFromLatest', 'endOfLifeDate', 'replicaCount', 'storageAccountType', 'replicationMode', 'storageAccountStrategy']) {
      assert.ok(offered.includes(expected), `${expected} missing from ${offered.join(', ')}`);
    }
    assert.ok(!offered.includes('publishedDate'));
    assert.match(documentationOf(list, 'excludeFromLatest'), /latest version/);
  });

  it('VM application bodies: supportedOSType values with descriptions, the package settings, never read-only properties', async () => {
    const os = await completeBody('agent.application.json', '{ "location": "westeurope", "properties": { "supportedOSType": | } }');
    assert.deepEqual(labels(os).sort(), ['"Linux"', '"Windows"']);
    assert.match(documentationOf(os, '"Linux"'), /installed on Linux VMs/);
    const publishing = labels(await completeBody('agent.applicationversion.json', '{ "location": "westeurope", "properties": { "publishingProfile": { | } } }'));
    for (const expected of ['source', 'manageActions', 'settings', 'targetRegions', 'endOfLifeDate', 'excludeFromLatest', 'enableHealthCheck']) {
      assert.ok(publishing.includes(expected), `${expected} missing from ${publishing.join(', ')}`);
    }
    assert.ok(!publishing.includes('publishedDate'));
    const properties = labels(await completeBody('agent.applicationversion.json', '{ "location": "westeurope", "properties": { | } }'));
    assert.ok(properties.includes('safetyProfile'));
    assert.ok(!properties.includes('provisioningState') && !properties.includes('replicationStatus'), properties.join(', '));
    const reboot = await completeBody('agent.applicationversion.json', '{ "properties": { "publishingProfile": { "settings": { "scriptBehaviorAfterReboot": | } } } }');
    assert.match(documentationOf(reboot, '"Rerun"'), /runs again/);
    // PUT needs location and properties; PATCH does not.
    assert.deepEqual(messages(await validateBody('agent.application.json', '{}')).sort(), ['Missing property "location".', 'Missing property "properties".']);
    assert.deepEqual(messages(await validateBody('agent.application.patch.json', '{ "properties": { "supportedOSType": "Linux" } }')), []);
    assert.deepEqual(messages(await validateBody('agent.applicationversion.json', '{ "location": "x", "properties": { "publishingProfile": {} } }')), ['Missing property "source".']);
  });

  it('never offers read-only properties', async () => {
    const cases: Array<[string, string, string[]]> = [
      ['g.gallery.json', '{ | }', ['id', 'name', 'type', 'systemData']],
      ['g.gallery.json', '{ "location": "x", "properties": { | } }', ['provisioningState', 'sharingStatus']],
      ['g.gallery.json', '{ "location": "x", "properties": { "sharingProfile": { | } } }', ['groups']],
      ['g.gallery.json', '{ "location": "x", "identity": { | } }', ['principalId', 'tenantId']],
      ['v.imageversion.json', '{ "location": "x", "properties": { | } }', ['provisioningState', 'replicationStatus', 'validationsProfile']],
      ['v.imageversion.json', '{ "location": "x", "properties": { "storageProfile": { "osDiskImage": { | } } } }', ['sizeInGB']],
      ['v.imageversion.json', '{ "location": "x", "properties": { "safetyProfile": { | } } }', ['reportedForPolicyViolation', 'policyViolations']],
      ['d.imagedefinition.json', '{ "location": "x", "properties": { | } }', ['provisioningState']],
      ['i.image.json', '{ "location": "x", "properties": { | } }', ['provisioningState']],
    ];
    for (const [fileName, text, hidden] of cases) {
      const offered = labels(await completeBody(fileName, text));
      assert.ok(offered.length > 0, `${fileName} ${text}: no completions at all`);
      for (const name of hidden) {
        assert.ok(!offered.includes(name), `${fileName} ${text}: offers read-only ${name}`);
      }
    }
    // The gallery identifier holds only the read-only uniqueName: nothing to offer at all.
    assert.deepEqual(labels(await completeBody('g.gallery.json', '{ "location": "x", "properties": { "identifier": { | } } }')), []);
  });

  it('offers the storage profile starting points and the recommended range snippet', async () => {
    const storage = await completeBody('v.imageversion.json', '{ "location": "x", "properties": { "storageProfile": | } }');
    assert.ok(labels(storage).includes('From a managed image or another image version'));
    assert.ok(labels(storage).includes('From a VHD in a storage account'));
    const features = await completeBody('d.imagedefinition.json', '{ "location": "x", "properties": { "features": [ { "name": "SecurityType", "value": | } ] } }');
    assert.ok(labels(features).includes('"TrustedLaunchSupported"'), labels(features).join(', '));
  });

  it('hover explains the property and the chosen value', async () => {
    const text = hoverText(await hoverBody('d.imagedefinition.json', '{ "location": "x", "properties": { "osState": "Speci|alized" } }'));
    assert.match(text, /Generalized' or 'Specialized'/);
    assert.match(text, /`Specialized`: The source was captured as is/);
    const readOnly = hoverText(await hoverBody('g.gallery.json', '{ "location": "x", "properties": { "provisioning|State": "Succeeded" } }'));
    assert.match(readOnly, /\*\*Read-only\.\*\*/);
  });

  it('flags real mistakes in body files', async () => {
    const found = messages(
      await validateBody(
        'bad.imagedefinition.json',
        JSON.stringify({ location: 'x', properties: { osType: 'Unix', osState: 'Generalized', identifier: { publisher: 'p', offer: 'o' }, recommended: { vCPUs: { min: 'two' } } } }),
      ),
    );
    assert.deepEqual(found.sort(), [
      'Incorrect type. Expected an integer: a number, a numeric string such as "1", or an ARM expression "[...]".',
      'Missing property "sku".',
      'Value is not accepted. Valid values: "Windows", "Linux".',
    ]);
  });
});
