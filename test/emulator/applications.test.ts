/**
 * Issue 12 in the emulator: VM applications (galleries/applications) and their versions, over plain HTTPS and through
 * the real SDK — the seed (seeds/applications.json), LROs, replication progress, validation like ARM (names, bodies,
 * the SAS of a mediaLink never echoed), and the 409s of a gallery or application that still has children.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from './ArmEmulator';
import { armRequest, computeClient, errorCode, waitFor } from './testSupport';

const APPS_SEED = path.join(__dirname, 'seeds', 'applications.json');
const SUB = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const RG_NAME = 'rg-apps';
const RG = `/subscriptions/${SUB}/resourceGroups/${RG_NAME}`;
const GALLERY = `${RG}/providers/Microsoft.Compute/galleries/appsGallery`;
const AGENT = `${GALLERY}/applications/contoso-agent`;
const Q = '?api-version=2025-03-03';
const DAY = 86_400_000;
const SAS = 'sv=2024-08-04&sr=b&sp=r&sig=topSecretSignature%3D';

type Json = Record<string, unknown>;

function versionBody(overrides: { publishingProfile?: Json; location?: string; safetyProfile?: Json } = {}): Json {
    return {
        location: overrides.location ?? 'eastus',
        properties: {
            publishingProfile: {
                source: { mediaLink: `https://stcontosoapps.blob.core.windows.net/packages/agent.zip?${SAS}` },
                manageActions: { install: 'install.cmd', remove: 'remove.cmd' },
                targetRegions: [{ name: 'East US' }],
                ...overrides.publishingProfile,
            },
            ...(overrides.safetyProfile ? { safetyProfile: overrides.safetyProfile } : {}),
        },
    };
}

async function names(emulator: RunningEmulator, listPath: string): Promise<string[]> {
    const out: string[] = [];
    let next: string | undefined = listPath;
    while (next) {
        const response = await armRequest(emulator, 'GET', next.replace(emulator.url.replace(/\/$/, ''), ''));
        assert.equal(response.status, 200, response.text);
        const body = response.json as { value: Json[]; nextLink?: string };
        out.push(...body.value.map((v) => String(v.name)));
        next = body.nextLink;
    }
    return out;
}

function props(json: unknown): Json {
    return (json as { properties: Json }).properties;
}

describe('emulator: VM applications and their versions (issue 12)', function () {
    this.timeout(20_000);
    let emulator: RunningEmulator;

    beforeEach(async () => {
        emulator = await startEmulator({ seed: APPS_SEED, pageSize: 2, lroDelayMs: 40, replicationMsPerRegion: 60, retryAfterSeconds: 0 });
    });
    afterEach(() => emulator.close());

    it('seeds a gallery holding image definitions and applications; one application has several versions, one still replicating', async () => {
        assert.deepEqual(await names(emulator, `${GALLERY}/images${Q}`), ['tools-linux']);
        assert.deepEqual(await names(emulator, `${GALLERY}/applications${Q}`), ['contoso-agent', 'empty-app', 'log-shipper']);
        assert.deepEqual(await names(emulator, `${AGENT}/versions${Q}`), ['1.0.0', '1.1.0', '1.2.0', '2.0.0']);
        const replicating = await armRequest(emulator, 'GET', `${AGENT}/versions/1.2.0${Q}&$expand=ReplicationStatus`);
        const status = props(replicating.json).replicationStatus as { aggregatedState: string; summary: Json[] };
        assert.equal(status.aggregatedState, 'InProgress');
        assert.deepEqual(
            status.summary.map((s) => `${String(s.region)}:${String(s.state)}`),
            ['East US:Completed', 'West US 2:Replicating'],
        );
        const eol = Date.parse(String((props((await armRequest(emulator, 'GET', `${AGENT}/versions/1.1.0${Q}`)).json).publishingProfile as Json).endOfLifeDate));
        assert.ok(Math.abs(eol - (Date.now() + 180 * DAY)) < 60_000, 'end of life 180 days after the emulator started');
        const app = (await armRequest(emulator, 'GET', `${AGENT}${Q}`)).json as Json;
        assert.equal(app.type, 'Microsoft.Compute/galleries/applications');
        assert.equal(props(app).supportedOSType, 'Windows');
        assert.equal(props(app).provisioningState, undefined, 'GalleryApplicationProperties has no provisioningState');
    });

    it('creates an application and a version through the SDK, with LROs and replication to every target region', async () => {
        const client = computeClient(emulator, { subscriptionId: SUB });
        const fast = { updateIntervalInMs: 10 };
        const app = await client.galleryApplications.createOrUpdate(RG_NAME, 'appsGallery', 'new-app', { location: 'eastus', supportedOSType: 'Linux', description: 'd' }, fast);
        assert.equal(app.supportedOSType, 'Linux');
        const started = Date.now();
        const poller = client.galleryApplicationVersions.createOrUpdate(
            RG_NAME,
            'appsGallery',
            'new-app',
            '1.0.0',
            {
                location: 'eastus',
                publishingProfile: {
                    source: { mediaLink: 'https://stcontosoapps.blob.core.windows.net/packages/new.zip' },
                    manageActions: { install: 'i', remove: 'r' },
                    targetRegions: [{ name: 'East US' }, { name: 'West US 2' }],
                },
            },
            fast,
        );
        // while the LRO runs, the version reports replication progress
        const midway = await waitFor(async () => {
            const r = await armRequest(emulator, 'GET', `${GALLERY}/applications/new-app/versions/1.0.0${Q}&$expand=ReplicationStatus`);
            return r.status === 200 ? r : undefined;
        });
        assert.equal(props(midway.json).provisioningState, 'Creating');
        assert.equal((props(midway.json).replicationStatus as Json).aggregatedState, 'InProgress');
        const version = await poller;
        assert.equal(version.provisioningState, 'Succeeded');
        assert.ok(Date.now() - started >= 100, 'the source region, then the other region, each replicate for 60 ms');
        const done = await client.galleryApplicationVersions.get(RG_NAME, 'appsGallery', 'new-app', '1.0.0', { expand: 'ReplicationStatus' });
        assert.equal(done.replicationStatus?.aggregatedState, 'Completed');
        assert.deepEqual(done.publishingProfile?.targetRegions?.map((r) => [r.name, r.regionalReplicaCount, r.storageAccountType, r.excludeFromLatest]), [
            ['East US', 1, 'Standard_LRS', false],
            ['West US 2', 1, 'Standard_LRS', false],
        ]);
        assert.equal(done.publishingProfile?.excludeFromLatest, false);
        assert.ok(done.publishingProfile?.publishedDate instanceof Date);
        assert.equal(done.safetyProfile?.allowDeletionOfReplicatedLocations, false);
    });

    it('validates application names and bodies like ARM: supportedOSType required, an enum, and fixed after create', async () => {
        const bad = await armRequest(emulator, 'PUT', `${GALLERY}/applications/-bad${Q}`, { body: { location: 'eastus', properties: { supportedOSType: 'Linux' } } });
        assert.equal(bad.status, 400);
        assert.equal((bad.json as { error: Json }).error.target, 'galleryApplicationName');
        const missing = await armRequest(emulator, 'PUT', `${GALLERY}/applications/app2${Q}`, { body: { location: 'eastus', properties: { description: 'x' } } });
        assert.equal(missing.status, 400);
        assert.equal((missing.json as { error: Json }).error.target, 'galleryApplication.properties.supportedOSType');
        const wrongEnum = await armRequest(emulator, 'PUT', `${GALLERY}/applications/app2${Q}`, { body: { location: 'eastus', properties: { supportedOSType: 'MacOS' } } });
        assert.equal(wrongEnum.status, 400);
        assert.match(String((wrongEnum.json as { error: Json }).error.message), /Allowed values are: Windows, Linux/);
        const noLocation = await armRequest(emulator, 'PUT', `${GALLERY}/applications/app2${Q}`, { body: { properties: { supportedOSType: 'Linux' } } });
        assert.equal(errorCode(noLocation.json), 'LocationRequired');
        const pastEol = await armRequest(emulator, 'PUT', `${GALLERY}/applications/app2${Q}`, {
            body: { location: 'eastus', properties: { supportedOSType: 'Linux', endOfLifeDate: new Date(Date.now() - DAY).toISOString() } },
        });
        assert.equal(pastEol.status, 400);
        assert.match(String((pastEol.json as { error: Json }).error.message), /future/);
        const change = await armRequest(emulator, 'PATCH', `${AGENT}${Q}`, { body: { properties: { supportedOSType: 'Linux' } } });
        assert.equal(change.status, 400);
        assert.equal(errorCode(change.json), 'PropertyChangeNotAllowed');
        assert.match(String((change.json as { error: Json }).error.message), /galleryApplication\.properties\.supportedOSType/);
        const sameCase = await armRequest(emulator, 'PATCH', `${AGENT}${Q}`, { body: { properties: { supportedOSType: 'windows', description: 'new words' } } });
        assert.equal(sameCase.status, 200, 'the same OS in another case is no change');
        assert.equal(props(sameCase.json).description, 'new words');
        const duplicateActions = await armRequest(emulator, 'PUT', `${GALLERY}/applications/app3${Q}`, {
            body: { location: 'eastus', properties: { supportedOSType: 'Linux', customActions: [{ name: 'a', script: 's' }, { name: 'A', script: 't' }] } },
        });
        assert.equal(duplicateActions.status, 400);
        assert.equal((duplicateActions.json as { error: Json }).error.target, 'galleryApplication.properties.customActions[1].name');
    });

    it('validates version names and bodies: Major.Minor.Patch, https mediaLink (its SAS never echoed), install/remove within 4096 characters', async () => {
        const put = (name: string, body: Json) => armRequest(emulator, 'PUT', `${AGENT}/versions/${name}${Q}`, { body });
        const badName = await put('1.0', versionBody());
        assert.equal(badName.status, 400);
        assert.equal((badName.json as { error: Json }).error.target, 'galleryApplicationVersionName');
        assert.match(String((badName.json as { error: Json }).error.message), /application version name is invalid/);

        const noLink = await put('3.0.0', versionBody({ publishingProfile: { source: {} } }));
        assert.equal((noLink.json as { error: Json }).error.target, 'galleryApplicationVersion.properties.publishingProfile.source.mediaLink');
        const httpLink = await put('3.0.0', versionBody({ publishingProfile: { source: { mediaLink: `http://stcontosoapps.blob.core.windows.net/p/a.zip?${SAS}` } } }));
        assert.equal(httpLink.status, 400);
        assert.doesNotMatch(httpLink.text, /topSecretSignature|sig=/, 'the SAS is not repeated');
        assert.match(httpLink.text, /http:\/\/stcontosoapps\.blob\.core\.windows\.net\/p\/a\.zip\?<redacted>/);
        const notUrl = await put('3.0.0', versionBody({ publishingProfile: { source: { mediaLink: `package.zip?${SAS}` } } }));
        assert.equal(notUrl.status, 400);
        assert.doesNotMatch(notUrl.text, /topSecretSignature|sig=/);

        const noInstall = await put('3.0.0', versionBody({ publishingProfile: { manageActions: { remove: 'r' } } }));
        assert.equal((noInstall.json as { error: Json }).error.target, 'galleryApplicationVersion.properties.publishingProfile.manageActions.install');
        const noRemove = await put('3.0.0', versionBody({ publishingProfile: { manageActions: { install: 'i' } } }));
        assert.equal((noRemove.json as { error: Json }).error.target, 'galleryApplicationVersion.properties.publishingProfile.manageActions.remove');
        const atLimit = await put('3.0.0', versionBody({ publishingProfile: { manageActions: { install: 'x'.repeat(4096), remove: 'r' } } }));
        assert.equal(atLimit.status, 201, atLimit.text);
        const overLimit = await put('3.0.1', versionBody({ publishingProfile: { manageActions: { install: 'i', remove: 'r', update: 'x'.repeat(4097) } } }));
        assert.equal(overLimit.status, 400);
        assert.match(String((overLimit.json as { error: Json }).error.message), /limited to 4096 characters/);

        const unknownRegion = await put('3.0.2', versionBody({ publishingProfile: { targetRegions: [{ name: 'Atlantis' }] } }));
        assert.equal(unknownRegion.status, 400);
        const withoutLocation = await put('3.0.2', versionBody({ publishingProfile: { targetRegions: [{ name: 'West US 2' }] } }));
        assert.match(String((withoutLocation.json as { error: Json }).error.message), /must contain the location/);
        const duplicate = await put('3.0.2', versionBody({ publishingProfile: { targetRegions: [{ name: 'East US' }, { name: 'eastus' }] } }));
        assert.match(String((duplicate.json as { error: Json }).error.message), /Duplicate regions/);
        const pastEol = await put('3.0.2', versionBody({ publishingProfile: { endOfLifeDate: new Date(Date.now() - DAY).toISOString() } }));
        assert.equal((pastEol.json as { error: Json }).error.target, 'galleryApplicationVersion.properties.publishingProfile.endOfLifeDate');
        const badReboot = await put('3.0.2', versionBody({ publishingProfile: { settings: { scriptBehaviorAfterReboot: 'Sometimes' } } }));
        assert.equal(badReboot.status, 400);
    });

    it('excludeFromLatest and the safety profile: dropping a replicated region needs allowDeletionOfReplicatedLocations', async () => {
        const version = `${AGENT}/versions/1.0.0${Q}`;
        const hide = await armRequest(emulator, 'PATCH', version, { body: { properties: { publishingProfile: { excludeFromLatest: true } } } });
        assert.equal(hide.status, 200, hide.text);
        assert.equal((props(hide.json).publishingProfile as Json).excludeFromLatest, true);
        // add West US 2, wait for it, then try to drop it
        const add = await armRequest(emulator, 'PATCH', version, { body: { properties: { publishingProfile: { targetRegions: [{ name: 'East US' }, { name: 'West US 2' }] } } } });
        assert.equal(add.status, 200, add.text);
        await waitFor(async () => (props((await armRequest(emulator, 'GET', version)).json).provisioningState === 'Succeeded' ? true : undefined));
        const drop = await armRequest(emulator, 'PATCH', version, { body: { properties: { publishingProfile: { targetRegions: [{ name: 'East US' }] } } } });
        assert.equal(drop.status, 400);
        assert.match(String((drop.json as { error: Json }).error.message), /Complete set of target locations not specified.*West US 2/);
        const allowed = await armRequest(emulator, 'PATCH', version, {
            body: { properties: { publishingProfile: { targetRegions: [{ name: 'East US' }] }, safetyProfile: { allowDeletionOfReplicatedLocations: true } } },
        });
        assert.equal(allowed.status, 200, allowed.text);
        assert.deepEqual(((props(allowed.json).publishingProfile as Json).targetRegions as Json[]).map((r) => r.name), ['East US']);
    });

    it('refuses to delete an application with versions, and a gallery with applications (409 CannotDeleteResource); deletes run as LROs', async () => {
        const app = await armRequest(emulator, 'DELETE', `${AGENT}${Q}`);
        assert.equal(app.status, 409);
        assert.equal(errorCode(app.json), 'CannotDeleteResource');
        assert.match(String((app.json as { error: Json }).error.message), /applications\/contoso-agent\/versions\//);
        const onlyApps = `${RG}/providers/Microsoft.Compute/galleries/appsOnlyGallery`;
        const gallery = await armRequest(emulator, 'DELETE', `${onlyApps}${Q}`);
        assert.equal(gallery.status, 409, 'a gallery holding only applications is not empty');
        assert.match(String((gallery.json as { error: Json }).error.message), /galleries\/appsOnlyGallery\/applications\/notes/);

        const version = await armRequest(emulator, 'DELETE', `${onlyApps}/applications/notes/versions/1.0.0${Q}`);
        assert.equal(version.status, 202);
        assert.ok(version.headers.get('azure-asyncoperation')?.includes('/capsOperations/'));
        assert.ok(version.headers.get('location'));
        const deleting = await armRequest(emulator, 'GET', `${onlyApps}/applications/notes/versions/1.0.0${Q}`);
        assert.equal(props(deleting.json).provisioningState, 'Deleting');
        await waitFor(async () => ((await armRequest(emulator, 'GET', `${onlyApps}/applications/notes/versions/1.0.0${Q}`)).status === 404 ? true : undefined));
        assert.equal((await armRequest(emulator, 'DELETE', `${onlyApps}/applications/notes${Q}`)).status, 202);
        await waitFor(async () => ((await armRequest(emulator, 'GET', `${onlyApps}/applications/notes${Q}`)).status === 404 ? true : undefined));
        assert.equal((await armRequest(emulator, 'DELETE', `${onlyApps}${Q}`)).status, 202);
        const missingParent = await armRequest(emulator, 'PUT', `${GALLERY}/applications/nope/versions/1.0.0${Q}`, { body: versionBody() });
        assert.equal(missingParent.status, 404);
        assert.equal(errorCode(missingParent.json), 'ParentResourceNotFound');
    });

    it('generates many application versions from a seed, paged like every list', async () => {
        const many = await startEmulator({
            pageSize: 50,
            seed: {
                tenants: [{ tenantId: '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b', displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com' }],
                subscriptions: [{ subscriptionId: SUB, displayName: 'Apps', tenantId: '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b' }],
                resourceGroups: [{ subscriptionId: SUB, name: RG_NAME, location: 'eastus' }],
                resources: [
                    { id: GALLERY, location: 'eastus', properties: {} },
                    { id: AGENT, location: 'eastus', properties: { supportedOSType: 'Windows' } },
                ],
                generate: [{ kind: 'applicationVersions', parentId: AGENT, count: 120, targetRegions: ['East US', 'West US 2'] }],
            },
        });
        try {
            const all = await names(many, `${AGENT}/versions${Q}`);
            assert.equal(all.length, 120);
            assert.ok(all.includes('1.1.19'), 'versions are named 1.0.0 … 1.0.99, 1.1.0, …');
            const one = await armRequest(many, 'GET', `${AGENT}/versions/1.0.7${Q}&$expand=ReplicationStatus`);
            assert.equal((props(one.json).replicationStatus as Json).aggregatedState, 'Completed');
            // a generated version is a valid one: an update goes through the same validation
            const patch = await armRequest(many, 'PATCH', `${AGENT}/versions/1.0.7${Q}`, { body: { properties: { publishingProfile: { excludeFromLatest: true } } } });
            assert.equal(patch.status, 200, patch.text);
        } finally {
            await many.close();
        }
    });
});
