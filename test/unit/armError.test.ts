import * as assert from 'node:assert/strict';
import { describeArmError, formatArmError, inertNotificationText, NotSignedInError, redactSecrets } from '../../src/azure/armError';

function restError(message: string, statusCode: number, code?: string, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(message), {
    name: 'RestError',
    statusCode,
    code,
    response: { headers: { get: (name: string) => headers[name.toLowerCase()] } },
  });
}

describe('ARM errors shown to the user', () => {
  it('names ARM code, message and what to do for a missing resource group', () => {
    const text = formatArmError("Couldn't list galleries", restError("Resource group 'rg1' could not be found.", 404, 'ResourceGroupNotFound'));
    assert.equal(text, "Couldn't list galleries: ResourceGroupNotFound: Resource group 'rg1' could not be found. It may have been deleted or moved: refresh the view.");
  });

  it('tells how long to wait when throttled', () => {
    const info = describeArmError(restError('Too many requests', 429, 'TooManyRequests', { 'retry-after': '17' }));
    assert.match(info.nextStep, /wait 17 seconds/);
  });

  it('reads the code and message out of a failed long-running operation', () => {
    const info = describeArmError(new Error('The long-running operation has failed. InternalOperationError. Replication failed in westus2.'));
    assert.equal(info.code, 'InternalOperationError');
    assert.equal(info.message, 'Replication failed in westus2.');
  });

  it('does not tell the user to retry a 409 OperationNotAllowed (a blocked delete): it points at what Azure named', () => {
    const info = describeArmError(restError('Gallery image version 1.2.0 cannot be deleted before its end of life 2027-02-04.', 409, 'OperationNotAllowed'));
    assert.doesNotMatch(info.nextStep, /refresh and try again/);
    assert.match(info.nextStep, /change what Azure's message names/);
  });

  it('asks to delete children first on 409 CannotDeleteResource', () => {
    assert.match(describeArmError(restError('Cannot delete resource while nested resources exist.', 409, 'CannotDeleteResource')).nextStep, /delete its image versions and definitions first/);
  });

  it('says Azure could not be reached for network failures', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    assert.match(formatArmError('Couldn\'t list', err), /could not be reached/);
  });

  it('treats cancellation as silent and sign-in problems as "sign in"', () => {
    assert.equal(describeArmError(Object.assign(new Error('aborted'), { name: 'AbortError' })).cancelled, true);
    assert.match(describeArmError(new NotSignedInError()).nextStep, /Sign in/);
  });

  it('never lets a token through into a message', () => {
    const jwt = 'eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.sig';
    assert.doesNotMatch(redactSecrets(`Authorization: Bearer ${jwt}`), /eyJ/);
    assert.doesNotMatch(formatArmError('x', new Error(`bad token ${jwt}`)), /eyJ/);
  });

  it('never lets a shared access signature through into a log or a message', () => {
    const sas = 'sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=Zm9vYmFy%2Bc2VjcmV0%3D';
    const url = `https://acct.blob.core.windows.net/vhds/os.vhd?${sas}`;
    const logged = redactSecrets(`PUT ${url} -> 403`);
    assert.equal(logged, 'PUT https://acct.blob.core.windows.net/vhds/os.vhd?<redacted-sas> -> 403');
    // In a message from Azure, and as JSON text (where & is \u0026).
    const message = formatArmError("Couldn't create 1.0.0", restError(`The blob ${url} could not be read.`, 400, 'InvalidParameter'));
    assert.doesNotMatch(message, /Zm9vYmFy|sig=|se=2030/);
    assert.match(message, /The blob https:\/\/acct\.blob\.core\.windows\.net\/vhds\/os\.vhd\?<redacted-sas> could not be read\./);
    assert.doesNotMatch(redactSecrets(`{"uri":"${url.replace(/&/g, '\\u0026')}"}`), /Zm9vYmFy|sig=/);
    // A bare SAS query (a token pasted without its URL) goes too.
    assert.doesNotMatch(redactSecrets(`token ${sas}.`), /Zm9vYmFy|sig=/);
    // Ordinary query strings are left alone.
    assert.equal(redactSecrets('GET /subscriptions?api-version=2022-12-01&$top=10'), 'GET /subscriptions?api-version=2022-12-01&$top=10');
  });
});

/** VS Code's notification link syntax (src/vs/base/common/linkedText.ts in microsoft/vscode). */
const VSCODE_NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('Azure text in notifications', () => {
  const hostile = [
    "Resource '[Open settings](command:workbench.action.openSettings)' failed.",
    'See [details](https://evil.example/phish "Microsoft docs") and [x](file:///etc/passwd).',
    'Nested [[a]](command:x) and [b](COMMAND:y)',
  ];

  it('cannot become a link, and reads the same', () => {
    for (const text of hostile) {
      const inert = inertNotificationText(text);
      assert.deepEqual(inert.match(VSCODE_NOTIFICATION_LINK), null, inert);
      assert.equal(inert.replace(/\u200B/g, ''), text);
    }
  });

  it('a failed command names Azure\'s text without a link in it', () => {
    const err = restError("Gallery '[Click me](command:azureComputeGallery.signOut)' is invalid.", 400, 'InvalidParameter');
    const shown = inertNotificationText(formatArmError("Couldn't create the gallery", err));
    assert.equal(shown.match(VSCODE_NOTIFICATION_LINK), null);
    assert.match(shown.replace(/\u200B/g, ''), /Gallery '\[Click me\]\(command:azureComputeGallery\.signOut\)' is invalid\./);
  });
});

