import * as assert from 'node:assert/strict';
import { tokenExpiresOn } from '../../src/azure/tokenExpiry';

describe('token expiry', () => {
  it('reads exp from a JWT so a fresh token is asked for before it expires', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 2_000_000_000 })).toString('base64url');
    assert.equal(tokenExpiresOn(`e30.${payload}.sig`), 2_000_000_000_000);
  });

  it('assumes a short life for opaque tokens', () => {
    assert.equal(tokenExpiresOn('opaque', 1000), 1000 + 5 * 60 * 1000);
  });
});
