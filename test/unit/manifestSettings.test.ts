/**
 * Settings a cloned repository's .vscode/settings.json must not decide are user settings (scope "application"): VS Code
 * then ignores their workspace and folder values. Where the token goes and how you sign in (issue 9), the regions
 * searched for galleries shared with you, and which subscriptions the view shows: Select Subscriptions saves that
 * choice in the user's settings, and a workspace value would silently override it.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface SettingContribution {
  readonly scope?: string;
}

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingContribution> } | Array<{ properties: Record<string, SettingContribution> }> };
};
const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
const settings = Object.assign({}, ...sections.map((s) => s.properties)) as Record<string, SettingContribution>;

describe('manifest settings: what a workspace cannot override', () => {
  for (const name of ['azureComputeGallery.signInMethod', 'azureComputeGallery.trustedArmHosts', 'azureComputeGallery.sharedWithMe.regions', 'azureComputeGallery.selectedSubscriptions']) {
    it(`${name} is a user setting (scope "application")`, () => {
      assert.ok(settings[name], `${name} is contributed`);
      assert.equal(settings[name].scope, 'application');
    });
  }
});
