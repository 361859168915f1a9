import * as assert from 'node:assert/strict';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import type { FormValues, JsonObject, ValidationContext } from '../../../src/webview/forms/formTypes';
import { restoreSecrets, withSecretsHidden } from '../../../src/webview/app/formState';
import { sanitizeValues } from '../../../src/webview/forms/sanitize';
import { NothingSentError } from '../../../src/webview/FormBackend';
import type { FormBackend, SiblingFacts, SubmitRequest } from '../../../src/webview/FormBackend';
import { FormSession } from '../../../src/webview/FormSession';
import type { HostMessage } from '../../../src/webview/protocol';

const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const GALLERY = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1`;
const APP = `${GALLERY}/applications/agent`;
const NOW = Date.parse('2026-11-22T12:00:00Z');
const SAS = 'sv=2024-08-04&se=2027-01-01&sr=b&sp=r&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D';
const PACKAGE = `https://stpkg.blob.core.windows.net/packages/agent.zip?${SAS}`;
const context: ValidationContext = { now: NOW, siblingNames: ['taken', '1.0.0'] };

describe('VM application forms (issue 12)', () => {
  describe('application definition', () => {
    const form = formDefinition('application');
    const base: FormValues = {
      ...form.defaults(),
      subscriptionId: SUB,
      galleryId: GALLERY,
      name: 'agent',
      location: 'eastus',
      supportedOSType: 'Windows',
      description: 'Monitoring agent',
      eula: 'Use it well.',
      releaseNoteUri: 'https://contoso.com/notes',
      endOfLifeDate: '2027-06-30',
      customActions: [{ name: 'reset', script: 'reset.ps1 -Level $level', description: 'Resets the agent' }],
      customActionParameters: [{ action: 'reset', name: 'level', required: 'true', type: 'String', defaultValue: 'soft', description: '' }],
      tags: [{ key: 'team', value: 'ops' }],
    };

    it('builds the PUT of galleries/{g}/applications/{name} and the body ARM takes, custom actions with their typed parameters', () => {
      assert.deepEqual(form.validate(base, 'create', context), {});
      assert.deepEqual(form.target(base, 'create'), { method: 'PUT', id: APP, apiVersion: '2025-12-03', subscriptionId: SUB });
      assert.deepEqual(form.requestBody(base, 'create', context), {
        location: 'eastus',
        tags: { team: 'ops' },
        properties: {
          supportedOSType: 'Windows',
          description: 'Monitoring agent',
          eula: 'Use it well.',
          releaseNoteUri: 'https://contoso.com/notes',
          endOfLifeDate: '2027-06-30T00:00:00.000Z',
          customActions: [
            { name: 'reset', script: 'reset.ps1 -Level $level', description: 'Resets the agent', parameters: [{ name: 'level', required: true, type: 'String', defaultValue: 'soft' }] },
          ],
        },
      });
    });

    it('uses the image-definition name rule, refuses a taken name, a past end of life and a bad URI, each at its field', () => {
      const errors = form.validate({ ...base, name: '-agent', endOfLifeDate: '2026-01-01', privacyStatementUri: 'contoso' }, 'create', context);
      assert.deepEqual(Object.keys(errors).sort(), ['endOfLifeDate', 'name', 'privacyStatementUri']);
      assert.match(form.validate({ ...base, name: 'Taken' }, 'create', context).name ?? '', /already has a VM application named "Taken"/);
      assert.equal(form.target({ ...base, name: 'a/b' }, 'create'), undefined);
    });

    it('checks custom actions: unique names, a script, parameters of an action that exists, defaults on String only', () => {
      const errors = form.validate(
        {
          ...base,
          customActions: [
            { name: 'reset', script: 'a' },
            { name: 'RESET', script: 'b' },
            { name: 'collect', script: '' },
          ],
          customActionParameters: [
            { action: 'nope', name: 'x', type: 'String' },
            { action: 'reset', name: 'log', type: 'LogOutputBlob', defaultValue: 'x' },
            { action: 'reset', name: 'LOG', type: 'String' },
          ],
        },
        'create',
        context,
      );
      assert.match(errors['customActions[1].name'] ?? '', /listed twice/);
      assert.match(errors['customActions[2].script'] ?? '', /script/);
      assert.match(errors['customActionParameters[0].action'] ?? '', /no custom action "nope"/);
      assert.match(errors['customActionParameters[1].defaultValue'] ?? '', /String parameters only/);
      assert.match(errors['customActionParameters[2].name'] ?? '', /two parameters named/);
    });

    it('edits: the OS type is locked, a PATCH carries it unchanged with every tag, and an emptied list of custom actions is sent empty', () => {
      const resource: JsonObject = {
        id: APP,
        name: 'agent',
        location: 'eastus',
        tags: { team: 'ops' },
        properties: {
          supportedOSType: 'Linux',
          description: 'old',
          endOfLifeDate: '2027-06-30T00:00:00+00:00',
          customActions: [{ name: 'reset', script: 'r.sh', parameters: [{ name: 'level', type: 'String' }] }],
        },
      };
      const original = form.fromResource(resource);
      assert.equal(original.supportedOSType, 'Linux');
      assert.deepEqual(original.customActionParameters, [{ action: 'reset', name: 'level', required: 'false', type: 'String', defaultValue: '', description: '' }]);
      // The webview cannot change a locked field: the host keeps the original.
      const edited = sanitizeValues(form, 'update', { ...original, supportedOSType: 'Windows', description: 'new', customActions: [], customActionParameters: [] }, original);
      assert.equal(edited.supportedOSType, 'Linux');
      assert.deepEqual(form.validate(edited, 'update', { ...context, original }), {});
      assert.deepEqual(form.requestBody(edited, 'update', { ...context, original }), {
        properties: { supportedOSType: 'Linux', description: 'new', endOfLifeDate: '2027-06-30T00:00:00.000Z', customActions: [] },
        tags: { team: 'ops' },
      });
      assert.deepEqual(form.target(edited, 'update'), { method: 'PATCH', id: APP, apiVersion: '2025-12-03', subscriptionId: SUB });
    });
  });

  describe('application version', () => {
    const form = formDefinition('applicationVersion');
    const base: FormValues = {
      ...form.defaults(),
      subscriptionId: SUB,
      galleryId: GALLERY,
      applicationId: APP,
      name: '1.2.0',
      location: 'eastus',
      mediaLink: PACKAGE,
      install: 'agent.exe /install',
      remove: 'agent.exe /uninstall',
      packageFileName: 'agent.zip',
      scriptBehaviorAfterReboot: 'Rerun',
      enableHealthCheck: true,
      targetRegions: [
        { name: 'eastus', replicas: '2', storageAccountType: 'Standard_ZRS' },
        { name: 'westeurope', replicas: '1', storageAccountType: 'Standard_LRS' },
      ],
      excludeFromLatest: true,
      allowDeletionOfReplicatedLocations: true,
    };

    it('builds the PUT of applications/{a}/versions/{v} with the package, commands, settings, health check and replication', () => {
      assert.deepEqual(form.validate(base, 'create', context), {});
      assert.deepEqual(form.target(base, 'create'), { method: 'PUT', id: `${APP}/versions/1.2.0`, apiVersion: '2025-12-03', subscriptionId: SUB });
      assert.deepEqual(form.requestBody(base, 'create', context), {
        location: 'eastus',
        properties: {
          publishingProfile: {
            source: { mediaLink: PACKAGE },
            manageActions: { install: 'agent.exe /install', remove: 'agent.exe /uninstall' },
            settings: { packageFileName: 'agent.zip', scriptBehaviorAfterReboot: 'Rerun' },
            enableHealthCheck: true,
            targetRegions: [
              { name: 'eastus', regionalReplicaCount: 2, storageAccountType: 'Standard_ZRS' },
              { name: 'westeurope', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
            ],
            replicaCount: 1,
            excludeFromLatest: true,
            storageAccountType: 'Standard_LRS',
          },
          safetyProfile: { allowDeletionOfReplicatedLocations: true },
        },
      });
    });

    it('the version rule, a taken version, remove required, ARM\'s 4096-character limit, an http package: each at its field', () => {
      const long = 'x'.repeat(4097);
      const errors = form.validate({ ...base, name: '1.2', remove: '', install: long, configFileName: long, mediaLink: 'http://stpkg/agent.zip' }, 'create', context);
      assert.deepEqual(Object.keys(errors).sort(), ['configFileName', 'install', 'mediaLink', 'name', 'remove']);
      assert.match(errors.install ?? '', /4097 characters: Azure takes at most 4096/);
      assert.match(errors.remove ?? '', /requires/);
      assert.equal(form.validate({ ...base, install: 'x'.repeat(4096) }, 'create', context).install, undefined);
      assert.match(form.validate({ ...base, name: '1.0.0' }, 'create', context).name ?? '', /already exists in this VM application/);
    });

    it('the shared replication rules: the location among the target regions, a region once, 1–100 replicas', () => {
      const errors = form.validate({ ...base, location: 'northeurope', targetRegions: [{ name: 'eastus', replicas: '0' }, { name: 'East US', replicas: '1' }] }, 'create', context);
      assert.match(errors.targetRegions ?? '', /must include the version's location, northeurope/);
      assert.match(errors['targetRegions[1].name'] ?? '', /listed twice/);
      assert.ok(errors['targetRegions[0].replicas']);
      // Choosing the location fills the first empty region (as in the image version form).
      const adjusted = form.adjust?.({ ...base, targetRegions: [{ name: '', replicas: '1', storageAccountType: 'Standard_LRS' }] }, 'location', context);
      assert.equal((adjusted?.targetRegions as Array<Record<string, string>>)[0]?.name, 'eastus');
    });

    it('a link still showing its hidden SAS is not taken for the link: the whole URL must be pasted again', () => {
      const shown = withSecretsHidden(form.fields, base);
      assert.equal(shown.mediaLink, 'https://stpkg.blob.core.windows.net/packages/agent.zip?<SAS hidden>');
      assert.match(form.validate(shown, 'create', context).mediaLink ?? '', /hidden.*paste the whole URL again/);
      // The panel shown again: the host's whole link comes back over the saved, hidden one; another link does not.
      assert.equal(restoreSecrets(form.fields, base, shown).mediaLink, PACKAGE);
      assert.equal(restoreSecrets(form.fields, { ...base, mediaLink: 'https://other.blob.core.windows.net/p/a.zip?sig=x' }, shown).mediaLink, shown.mediaLink);
    });

    it('edits: what may change is editable, the rest locked; the PATCH carries the package and commands as Azure has them', () => {
      const resource: JsonObject = {
        id: `${APP}/versions/1.2.0`,
        name: '1.2.0',
        location: 'eastus',
        properties: {
          publishingProfile: {
            source: { mediaLink: PACKAGE },
            manageActions: { install: 'i', remove: 'r' },
            targetRegions: [
              { name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
              { name: 'westeurope', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
            ],
            replicaCount: 1,
            excludeFromLatest: false,
            storageAccountType: 'Standard_LRS',
          },
          safetyProfile: { allowDeletionOfReplicatedLocations: false },
        },
      };
      const original = form.fromResource(resource);
      assert.equal(original.applicationId, APP);
      assert.equal(original.galleryId, GALLERY);
      const edited = sanitizeValues(form, 'update', { ...original, install: 'changed', excludeFromLatest: true, targetRegions: [(original.targetRegions as Array<Record<string, string>>)[0] ?? {}] }, original);
      assert.equal(edited.install, 'i');
      // Dropping a replicated region needs "Allow removing replicated regions" (the shared rule).
      assert.match(form.validate(edited, 'update', { ...context, original }).targetRegions ?? '', /West ?europe|westeurope/i);
      const allowed = { ...edited, allowDeletionOfReplicatedLocations: true };
      assert.deepEqual(form.validate(allowed, 'update', { ...context, original }), {});
      assert.deepEqual(form.requestBody(allowed, 'update', { ...context, original }), {
        properties: {
          publishingProfile: {
            source: { mediaLink: PACKAGE },
            manageActions: { install: 'i', remove: 'r' },
            targetRegions: [{ name: 'eastus', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' }],
            replicaCount: 1,
            excludeFromLatest: true,
          },
          safetyProfile: { allowDeletionOfReplicatedLocations: true },
        },
        tags: {},
      });
    });

    it('the template resource is the nested application version, named gallery/application/version', () => {
      const resource = form.templateResource(base, context);
      assert.equal(resource.type, 'Microsoft.Compute/galleries/applications/versions');
      assert.equal(resource.name, 'g1/agent/1.2.0');
    });
  });
});

/** The host side with a backend that fails (or not) the way a test needs. */
function hostSession(fail?: Error) {
  const submitted: SubmitRequest[] = [];
  const backend: FormBackend = {
    loadOptions: () => Promise.resolve([]),
    siblingScope: () => APP,
    loadSiblings: (): Promise<SiblingFacts> => Promise.resolve({ siblingNames: ['1.0.0'] }),
    loadResource: () => Promise.reject(new Error('not used')),
    submit: (request) => {
      submitted.push(request);
      return fail ? Promise.reject(fail) : Promise.resolve();
    },
  };
  const posted: HostMessage[] = [];
  const logged: string[] = [];
  const copied: string[] = [];
  const session = new FormSession({
    definition: formDefinition('applicationVersion'),
    mode: 'create',
    backend,
    post: (m) => posted.push(m),
    log: { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) },
    now: () => NOW,
    copyText: (text) => {
      copied.push(text);
      return Promise.resolve();
    },
  });
  return { session, submitted, posted, logged, copied };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('VM application version form on the host: the SAS token never leaves (issue 12)', () => {
  const values: FormValues = {
    ...formDefinition('applicationVersion').defaults(),
    subscriptionId: SUB,
    galleryId: GALLERY,
    applicationId: APP,
    name: '1.2.0',
    location: 'eastus',
    mediaLink: PACKAGE,
    defaultConfigurationLink: 'https://stpkg.blob.core.windows.net/packages/agent.config?sp=r&sig=b3RoZXI%3D',
    install: 'i',
    remove: 'r',
    targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS' }],
  };

  it('sends the whole link to Azure, but copies the template resource with both links\' queries hidden', async () => {
    const { session, submitted, copied } = hostSession();
    session.handle({ type: 'copyTemplate', values });
    session.handle({ type: 'submit', values });
    await settle();
    assert.equal(copied.length, 1);
    assert.doesNotMatch(copied[0] ?? '', /sig=|c2VjcmV0|b3RoZXI/);
    assert.match(copied[0] ?? '', /agent\.zip\?<SAS hidden>/);
    assert.equal(submitted.length, 1);
    assert.equal((submitted[0]?.body.properties as { publishingProfile: { source: { mediaLink: string } } }).publishingProfile.source.mediaLink, PACKAGE);
  });

  it('an Azure error that echoes the link is shown and logged without its signature', async () => {
    const { session, posted, logged } = hostSession(Object.assign(new Error(`The blob ${PACKAGE} could not be read.`), { code: 'InvalidParameter', statusCode: 400 }));
    session.handle({ type: 'submit', values });
    await settle();
    const result = posted.find((m): m is Extract<HostMessage, { type: 'result' }> => m.type === 'result');
    assert.equal(result?.ok, false);
    assert.match(result?.message ?? '', /could not be read/);
    for (const text of [result?.message ?? '', ...logged]) {
      assert.doesNotMatch(text, /sig=|c2VjcmV0/);
    }
  });

  it('"create" never replaces: a version whose name exists is refused at its field and nothing is sent', async () => {
    const { session, submitted, posted } = hostSession();
    session.handle({ type: 'submit', values: { ...values, name: '1.0.0' } });
    await settle();
    assert.equal(submitted.length, 0);
    const validation = posted.find((m): m is Extract<HostMessage, { type: 'validation' }> => m.type === 'validation');
    assert.match(validation?.errors.name ?? '', /already exists/);
    // And when the list was stale, the backend's own check stops it (NothingSentError), shown at the name.
    const stale = hostSession(new NothingSentError('Version "1.2.0" of VM application "g1/agent" already exists. Nothing was sent.', 'name'));
    stale.session.handle({ type: 'submit', values });
    await settle();
    const result = stale.posted.find((m): m is Extract<HostMessage, { type: 'result' }> => m.type === 'result');
    assert.equal(result?.field, 'name');
    assert.match(result?.message ?? '', /Nothing was sent/);
  });
});
