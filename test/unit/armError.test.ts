import * as assert from 'node:assert/strict';
import { describeArmError, formatArmError, NotSignedInError, redactSecrets } from '../../src/azure/armError';

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
});
