/**
 * Issue 13 §3: body files and templates accept and document `sharingProfile` and `communityGalleryInfo`; a gallery
 * that says `permissions: Community` without the publisher information ARM needs is flagged (the Share form's rule,
 * src/domain/sharing.ts), a badly formed one warned about.
 */
import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-json-languageservice';
import { GalleryTemplateLanguageService } from '../../../src/schemas/GalleryTemplateLanguageService';
import { runGalleryChecks } from '../../../src/schemas/galleryChecks';
import { bodySchema } from '../../../src/schemas/schemaCatalog';
import { hoverText, messages, withCursor } from './schemaTestSupport';

const NOW = new Date('2026-06-01T00:00:00Z');
const INFO = { publisherUri: 'https://contoso.com', publisherContact: 'images@contoso.com', eula: 'https://contoso.com/eula', publicNamePrefix: 'contoso' };

function check(body: unknown, update = false): string[] {
  const root = parseTree(JSON.stringify(body));
  assert.ok(root);
  return runGalleryChecks({ kind: 'gallery', resource: root, schema: bodySchema('gallery'), now: NOW, update }).map((p) => `${p.severity} ${p.code}: ${p.message}`);
}

function template(gallery: unknown): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.Compute/galleries', apiVersion: '2025-12-03', name: 'contosoPublic', location: 'eastus', ...(gallery as object) }],
    },
    null,
    2,
  );
}

describe('gallery checks: community galleries (issue 13)', () => {
  it('accepts a complete community gallery, groups-shared and private ones', () => {
    assert.deepEqual(check({ location: 'eastus', properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: INFO } } }), []);
    assert.deepEqual(check({ location: 'eastus', properties: { sharingProfile: { permissions: 'Groups' } } }), []);
    assert.deepEqual(check({ location: 'eastus', properties: { sharingProfile: { permissions: 'Private' } } }), []);
  });

  it('flags Community without the publisher information, naming what is missing', () => {
    assert.deepEqual(check({ location: 'eastus', properties: { sharingProfile: { permissions: 'Community' } } }), [
      'error communityInfoMissing: A community gallery needs communityGalleryInfo.publisherUri, communityGalleryInfo.publisherContact, communityGalleryInfo.eula, communityGalleryInfo.publicNamePrefix: Azure refuses to enable community sharing without publisherUri, publisherContact, eula and publicNamePrefix.',
    ]);
    const withoutEula = { publisherUri: INFO.publisherUri, publisherContact: INFO.publisherContact, publicNamePrefix: INFO.publicNamePrefix };
    assert.deepEqual(check({ location: 'eastus', properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: withoutEula } } }).map((p) => p.split(':')[0]), ['error communityInfoMissing']);
    assert.match(check({ location: 'eastus', properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { ...INFO, eula: ' ' } } } })[0] ?? '', /communityGalleryInfo\.eula:/);
  });

  it('warns about a badly formed field; expressions are known only at deployment', () => {
    assert.deepEqual(check({ location: 'eastus', properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { ...INFO, publisherUri: 'http://contoso.com', publisherContact: 'contoso' } } } }), [
      'warning communityInfoFormat: publisherUri is shown to every Azure user as a link: use an https:// address.',
      "warning communityInfoFormat: publisherContact is shown to every Azure user as the publisher's support address: use an e-mail address such as images@contoso.com.",
    ]);
    assert.deepEqual(check({ location: 'eastus', properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { ...INFO, publisherUri: "[parameters('uri')]" } } } }), []);
    assert.deepEqual(check({ location: 'eastus', properties: { sharingProfile: { permissions: "[parameters('p')]" } } }), []);
  });

  it('an update body that keeps the gallery\'s communityGalleryInfo is not flagged', () => {
    assert.deepEqual(check({ properties: { sharingProfile: { permissions: 'Community' } } }, true), []);
  });
});

describe('template language service: sharingProfile (issue 13)', () => {
  const service = (): GalleryTemplateLanguageService => new GalleryTemplateLanguageService({ now: () => NOW });

  it('reports the missing publisher information in a template, and nothing for a complete one', async () => {
    const incomplete = template({ properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { publisherUri: 'https://contoso.com' } } } });
    const found = messages(await service().doValidation(TextDocument.create('file:///t/main.json', 'json', 1, incomplete)));
    assert.ok(found.some((m) => /communityGalleryInfo\.publisherContact, communityGalleryInfo\.eula, communityGalleryInfo\.publicNamePrefix/.test(m)), found.join('\n'));
    const complete = template({ properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: INFO } } });
    assert.deepEqual(messages(await service().doValidation(TextDocument.create('file:///t/main.json', 'json', 1, complete))), []);
  });

  it('the prefix rule of the schema is the domain\'s; hovers document how groups are changed', async () => {
    const bad = template({ properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { ...INFO, publicNamePrefix: 'my-prefix' } } } });
    const found = messages(await service().doValidation(TextDocument.create('file:///t/main.json', 'json', 1, bad)));
    assert.ok(found.some((m) => /5 to 16 letters or digits/.test(m)), found.join('\n'));
    const { text, offset } = withCursor(template({ properties: { sharingProfile: { permissions: 'Groups' } } }).replace('"sharingProfile"', '"sharing|Profile"'));
    const doc = TextDocument.create('file:///t/main.json', 'json', 1, text);
    const hover = hoverText(await service().doHover(doc, doc.positionAt(offset)));
    assert.match(hover, /groups.*are changed only by the gallery's share action/s);
  });
});
