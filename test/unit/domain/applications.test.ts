import * as assert from 'node:assert/strict';
import { commandRefusal, packageLinkRefusal, redactLink, redactSas, redactSasInJson } from '../../../src/domain/applications';
import { redactSecrets } from '../../../src/azure/armError';

const SIG = 'c2VjcmV0LXNpZ25hdHVyZQ%3D%3D';
const LINK = `https://stpkg.blob.core.windows.net/packages/agent.zip?sv=2024-08-04&sp=r&sig=${SIG}`;

describe('domain: VM application packages and commands (issue 12)', () => {
  it('a command is required (install, remove) or optional, and at most 4096 characters', () => {
    assert.deepEqual(commandRefusal('', true), { reason: 'missing' });
    assert.equal(commandRefusal('', false), undefined);
    assert.equal(commandRefusal('x'.repeat(4096), true), undefined);
    assert.deepEqual(commandRefusal('x'.repeat(4097), false), { reason: 'tooLong', length: 4097, max: 4096 });
  });

  it('a package link is an https URL; one still showing its hidden query is not a link', () => {
    assert.equal(packageLinkRefusal(LINK, true), undefined);
    assert.equal(packageLinkRefusal('', true), 'missing');
    assert.equal(packageLinkRefusal('', false), undefined);
    assert.equal(packageLinkRefusal('http://stpkg.blob.core.windows.net/p/a.zip', true), 'notHttps');
    assert.equal(packageLinkRefusal('stpkg/agent.zip', true), 'notAUrl');
    assert.equal(packageLinkRefusal(redactLink(LINK), true), 'redacted');
  });

  it('a shown link keeps scheme, host and path; its whole query is hidden', () => {
    assert.equal(redactLink(LINK), 'https://stpkg.blob.core.windows.net/packages/agent.zip?<SAS hidden>');
    assert.equal(redactLink('https://stpkg.blob.core.windows.net/packages/agent.zip'), 'https://stpkg.blob.core.windows.net/packages/agent.zip');
  });

  it('JSON: package links lose their query (SAS or not); other strings lose SAS signatures only', () => {
    const body = {
      properties: {
        publishingProfile: { source: { mediaLink: 'https://a.blob.core.windows.net/p/a.zip?token=abc', defaultConfigurationLink: LINK }, manageActions: { install: `curl "${LINK}"` } },
      },
      tags: { site: 'https://contoso.com/?page=1' },
    };
    const shown = JSON.stringify(redactSasInJson(body));
    assert.doesNotMatch(shown, /token=abc|sig=|c2VjcmV0/);
    assert.match(shown, /page=1/);
  });

  it('the SAS rule of every error and log line (armError) is this one', () => {
    assert.equal(redactSecrets(`The blob ${LINK} was not found.`), redactSas(`The blob ${LINK} was not found.`));
    assert.doesNotMatch(redactSas(`The blob ${LINK} was not found.`), /sig=|c2VjcmV0/);
  });

  it('a percent-encoded link (carried in another URL or an encoded message) loses its SAS signature too', () => {
    const encoded = encodeURIComponent(LINK);
    const shown = redactSecrets(`GET https://management.azure.com/x?source=${encoded}&api-version=1 failed`);
    assert.doesNotMatch(shown, /c2VjcmV0|sig%3D/i);
    assert.match(shown, /agent\.zip%3F<redacted-sas>&api-version=1 failed$/);
    // An encoded query without a signature is left as it is.
    assert.equal(redactSas(`see ${encodeURIComponent('https://contoso.com/?page=1&lang=en')}`), `see ${encodeURIComponent('https://contoso.com/?page=1&lang=en')}`);
  });
});
