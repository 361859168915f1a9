/**
 * Issue 11 in the emulator, over plain HTTPS: soft delete (the soft-deleted list, the 7-day purge, restore), the
 * refusals around it, `blockDeletionBeforeEndOfLife`, and the seed additions (relative dates, soft-deleted versions,
 * versions still replicating) that seeds/lifecycle.json uses.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from './ArmEmulator';
import type { SeedResource } from './seed';
import { armRequest, CONTOSO_TENANT, errorCode, waitFor } from './testSupport';

const LIFECYCLE_SEED = path.join(__dirname, 'seeds', 'lifecycle.json');
const SUB = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-lifecycle`;
const GALLERY = `${RG}/providers/Microsoft.Compute/galleries/lifecycleGallery`;
const WEEKLY = `${GALLERY}/images/weekly`;
const PLAIN = `${RG}/providers/Microsoft.Compute/galleries/plainGallery/images/plain-linux`;
const Q = '?api-version=2025-03-03';
const DAY = 86_400_000;

type Json = Record<string, unknown>;

function softDeletedList(definitionId: string, artifactType = 'images'): string {
    const [gallery, definition] = definitionId.split('/images/');
    return `${gallery}/softDeletedArtifactTypes/${artifactType}/artifacts/${definition}/versions${Q}`;
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

async function gone(emulator: RunningEmulator, id: string): Promise<void> {
    await waitFor(async () => ((await armRequest(emulator, 'GET', `${id}${Q}`)).status === 404 ? true : undefined));
}

describe('emulator: soft delete, restore and deletion safety (issue 11)', function () {
    this.timeout(20_000);
    let emulator: RunningEmulator;

    beforeEach(async () => {
        emulator = await startEmulator({ seed: LIFECYCLE_SEED, pageSize: 2, lroDelayMs: 40, replicationMsPerRegion: 40, retryAfterSeconds: 0 });
    });
    afterEach(() => emulator.close());

    it('seeds the lifecycle data: weekly versions with relative published dates, a soft-deleted version, one still replicating', async () => {
        const versions = await names(emulator, `${WEEKLY}/versions${Q}`);
        assert.deepEqual(versions, ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0', '1.6.0', '1.7.0']);
        const latest = (await armRequest(emulator, 'GET', `${WEEKLY}/versions/1.7.0${Q}`)).json as Json;
        const published = Date.parse(String(((latest.properties as Json).publishingProfile as Json).publishedDate));
        assert.ok(Math.abs(Date.now() - 7 * DAY - published) < 60_000, 'published 7 days before the emulator started');
        assert.deepEqual(await names(emulator, softDeletedList(WEEKLY)), ['0.9.0']);
        const replicating = (await armRequest(emulator, 'GET', `${WEEKLY}/versions/1.6.0${Q}&$expand=ReplicationStatus`)).json as Json;
        const properties = replicating.properties as Json;
        assert.equal(properties.provisioningState, 'Updating');
        assert.equal((properties.replicationStatus as Json).aggregatedState, 'InProgress');
        const gallery = (await armRequest(emulator, 'GET', `${GALLERY}${Q}`)).json as Json;
        assert.deepEqual((gallery.properties as Json).softDeletePolicy, { isSoftDeleteEnabled: true });
    });

    it('moves a deleted version to the soft-deleted list (ARM\'s item shape) and restores it with its old properties', async () => {
        const before = (await armRequest(emulator, 'GET', `${WEEKLY}/versions/1.5.0${Q}`)).json as Json;
        const deleted = await armRequest(emulator, 'DELETE', `${WEEKLY}/versions/1.5.0${Q}`);
        assert.equal(deleted.status, 202);
        await gone(emulator, `${WEEKLY}/versions/1.5.0`);
        assert.ok(!(await names(emulator, `${WEEKLY}/versions${Q}`)).includes('1.5.0'));

        const list = await armRequest(emulator, 'GET', softDeletedList(WEEKLY, 'Images'));
        const item = (list.json as { value: Json[] }).value.find((v) => v.name === '1.5.0');
        assert.ok(item, list.text);
        assert.equal(item.id, `${GALLERY}/softDeletedArtifactTypes/Images/artifacts/weekly/versions/1.5.0`);
        assert.equal(item.type, 'Microsoft.Compute/galleries/softDeletedArtifactTypes/artifacts/versions');
        const props = item.properties as Json;
        assert.equal(props.resourceArmId, `${WEEKLY}/versions/1.5.0`);
        assert.equal(props.softDeletedArtifactType, 'Images');
        assert.ok(Math.abs(Date.parse(String(props.softDeletedTime)) - Date.now()) < 10_000);

        const restore = await armRequest(emulator, 'PATCH', `${WEEKLY}/versions/1.5.0${Q}`, { body: { properties: { restore: true, storageProfile: {} } } });
        assert.equal(restore.status, 200, restore.text);
        assert.ok(restore.headers.get('azure-asyncoperation'), 'a long-running operation like other writes');
        assert.equal(((restore.json as Json).properties as Json).provisioningState, 'Updating');
        const after = await waitFor(async () => {
            const r = await armRequest(emulator, 'GET', `${WEEKLY}/versions/1.5.0${Q}`);
            return r.status === 200 && ((r.json as Json).properties as Json).provisioningState === 'Succeeded' ? (r.json as Json) : undefined;
        });
        assert.deepEqual(after, before, 'the restored version is the one that was deleted (properties, published date, regions)');
        assert.deepEqual(await names(emulator, softDeletedList(WEEKLY)), ['0.9.0']);
    });

    it('deletes for good in a gallery without soft delete', async () => {
        assert.equal((await armRequest(emulator, 'DELETE', `${PLAIN}/versions/1.0.0${Q}`)).status, 202);
        await gone(emulator, `${PLAIN}/versions/1.0.0`);
        assert.deepEqual(await names(emulator, softDeletedList(PLAIN)), []);
        const restore = await armRequest(emulator, 'PATCH', `${PLAIN}/versions/1.0.0${Q}`, { body: { properties: { restore: true, storageProfile: {} } } });
        assert.equal(restore.status, 404);
        assert.equal(errorCode(restore.json), 'ResourceNotFound');
    });

    it('refuses a restore of a live version, a create over a soft-deleted name, and unknown artifact types', async () => {
        const live = await armRequest(emulator, 'PATCH', `${WEEKLY}/versions/1.4.0${Q}`, { body: { properties: { restore: true, storageProfile: {} } } });
        assert.equal(live.status, 400);
        assert.equal(errorCode(live.json), 'InvalidParameter');
        assert.match(live.text, /not soft-deleted/);

        const create = await armRequest(emulator, 'PUT', `${WEEKLY}/versions/0.9.0${Q}`, {
            body: { location: 'eastus', properties: { storageProfile: { source: { id: `${RG}/providers/Microsoft.Compute/images/img-lifecycle-ubuntu` } } } },
        });
        assert.equal(create.status, 409);
        assert.equal(errorCode(create.json), 'Conflict');
        assert.match(create.text, /soft-deleted/);

        const other = await armRequest(emulator, 'GET', softDeletedList(WEEKLY, 'applications'));
        assert.equal(other.status, 400);
        assert.equal(errorCode(other.json), 'InvalidParameter');
        assert.equal((await armRequest(emulator, 'GET', softDeletedList(`${RG}/providers/Microsoft.Compute/galleries/nope/images/weekly`))).status, 404);
    });

    it('refuses to delete a definition or gallery that still holds soft-deleted versions (409), and allows it once they are gone', async () => {
        const empty = `${GALLERY}/images/empty`;
        const put = await armRequest(emulator, 'PUT', `${empty}${Q}`, {
            body: { location: 'eastus', properties: { osType: 'Linux', osState: 'Generalized', identifier: { publisher: 'Contoso', offer: 'Empty', sku: 'empty' } } },
        });
        assert.equal(put.status, 201, put.text);
        emulator.store.addSoftDeleted(
            { id: `${empty}/versions/1.0.0`, location: 'eastus', properties: { publishingProfile: { targetRegions: [{ name: 'East US' }] }, storageProfile: { source: { id: '/x' } } } },
            Date.now() - DAY,
        );
        const definition = await armRequest(emulator, 'DELETE', `${empty}${Q}`);
        assert.equal(definition.status, 409);
        assert.equal(errorCode(definition.json), 'OperationNotAllowed');
        assert.match(definition.text, /soft-deleted/);
        assert.match(definition.text, /'empty\/1\.0\.0'/);

        emulator.store.takeSoftDeleted(`${empty}/versions/1.0.0`);
        await waitFor(async () => {
            const r = await armRequest(emulator, 'DELETE', `${empty}${Q}`);
            return r.status === 202 ? true : undefined;
        });
        await gone(emulator, empty);
    });

    it('refuses to delete a version blocked before its end of life, with the date, and allows it once the block is off', async () => {
        const blocked = await armRequest(emulator, 'DELETE', `${WEEKLY}/versions/1.2.0${Q}`);
        assert.equal(blocked.status, 409);
        assert.equal(errorCode(blocked.json), 'OperationNotAllowed');
        const eol = (((await armRequest(emulator, 'GET', `${WEEKLY}/versions/1.2.0${Q}`)).json as Json).properties as Json).publishingProfile as Json;
        assert.ok(blocked.text.includes(new Date(String(eol.endOfLifeDate)).toISOString()), blocked.text);

        const noDate = await armRequest(emulator, 'DELETE', `${GALLERY}/images/monthly/versions/2.1.0${Q}`);
        assert.equal(noDate.status, 409);
        assert.match(noDate.text, /no end of life date/);

        const unblock = await armRequest(emulator, 'PATCH', `${WEEKLY}/versions/1.2.0${Q}`, { body: { properties: { safetyProfile: { blockDeletionBeforeEndOfLife: false } } } });
        assert.equal(unblock.status, 200, unblock.text);
        await waitFor(async () => ((await armRequest(emulator, 'DELETE', `${WEEKLY}/versions/1.2.0${Q}`)).status === 202 ? true : undefined));

        // past its end of life, the block no longer applies
        const pastEol = await armRequest(emulator, 'DELETE', `${WEEKLY}/versions/1.0.0${Q}`);
        assert.equal(pastEol.status, 202);
    });

    it('purges soft-deleted versions after 7 days', async () => {
        const seedVersion = (name: string): SeedResource => ({
            id: `${WEEKLY}/versions/${name}`,
            location: 'eastus',
            properties: { publishingProfile: { targetRegions: [{ name: 'East US' }] }, storageProfile: { source: { id: '/x' } } },
        });
        const store = emulator.store;
        store.seed({
            tenants: [{ tenantId: CONTOSO_TENANT, displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com' }],
            softDeletedVersions: [
                { softDeletedTime: '@now-6d', version: seedVersion('0.8.0') },
                { softDeletedTime: '@now-7d', version: seedVersion('0.7.0') },
                { softDeletedTime: new Date(Date.now() - 8 * DAY).toISOString(), version: seedVersion('0.6.0') },
            ],
        });
        assert.deepEqual(await names(emulator, softDeletedList(WEEKLY)), ['0.8.0', '0.9.0']);
        const purged = await armRequest(emulator, 'PATCH', `${WEEKLY}/versions/0.7.0${Q}`, { body: { properties: { restore: true, storageProfile: {} } } });
        assert.equal(purged.status, 404, 'a purged version cannot be restored');
    });
});
