/**
 * Side-by-side check against Microsoft's REST examples (x-ms-examples) in the repository's reference copy:
 * each example's request is replayed against the emulator (after seeding what it needs) and the response
 * must have the example's status code, LRO headers and the same set of property paths / value types.
 * Values (ids, dates, guids, names) are not compared: the examples are known to be inconsistent
 * (ARM_BEHAVIOUR.md §1). Every tolerated difference is listed below with its reason.
 *
 * Examples folder: test/fixtures/reference/rest-examples (SOURCES.md there names upstream, path, commit and license;
 * refresh.ts there refreshes it). Fewer examples than the full set fail the suite: it must not pass by running nothing.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from './ArmEmulator';
import { armRequest, CONTOSO_TENANT } from './testSupport';

const EXAMPLES_DIR = path.resolve(__dirname, '..', 'fixtures', 'reference', 'rest-examples');

type Json = Record<string, unknown>;

interface Example {
    file: string;
    relative: string;
    parameters: Json;
    responses: Record<string, { body?: unknown; headers?: Record<string, string> }>;
}

type Resource = 'gallery' | 'galleryImage' | 'galleryImageVersion' | 'galleryApplication' | 'galleryApplicationVersion' | 'image';
type Action = 'create' | 'get' | 'getWithReplicationStatus' | 'update' | 'delete' | 'listByParent' | 'listBySubscription' | 'restore' | 'listSoftDeleted';

interface Operation {
    resource: Resource;
    action: Action;
}

interface Tolerance {
    /** Paths the emulator may return although the example does not show them. */
    extra?: string[];
    /** Paths of the example the emulator may omit. */
    missing?: string[];
    reason: string;
}

/** Examples omit the read-only `type` in most gallery responses; ARM always returns it. */
const ALWAYS_EXTRA = ['type', 'value[].type'];

const TOLERANCES: Record<string, Tolerance> = {
    'Gallery_Update.json': { extra: ['id'], reason: 'the example response has no id (every ARM resource response has one)' },
    'GalleryImage_Update.json': { extra: ['id'], reason: 'the example response has no id' },
    'GalleryImageVersion_Update_RestoreSoftDeleted.json': { extra: ['id'], reason: 'the example response has no id (the restored version is the one that was soft-deleted, with its id)' },
    'GalleryImageVersion_Update.json': {
        extra: ['id', 'properties.safetyProfile*', 'properties.publishingProfile.excludeFromLatest'],
        missing: ['properties.publishingProfile.targetRegions[].encryption*'],
        reason:
            'the example response has no id; it keeps per-region encryption that the PATCH body (which replaces targetRegions, RFC 7396) does not send; the emulator always reports the default safetyProfile and publishingProfile.excludeFromLatest',
    },
    'GalleryImageVersion_Create.json': {
        extra: ['properties.publishingProfile.excludeFromLatest'],
        missing: ['properties.safetyProfile.policyViolations*', 'properties.storageProfile.dataDiskImages*'],
        reason:
            'policy violations are only reported for flagged images; dataDiskImages come from the source image, which is a placeholder id in the example; ARM returns publishingProfile.excludeFromLatest',
    },
    'GalleryImageVersion_Create_WithVmAsSource.json': {
        extra: ['properties.publishingProfile.excludeFromLatest'],
        missing: ['properties.safetyProfile.policyViolations*', 'properties.storageProfile.dataDiskImages*'],
        reason: 'as GalleryImageVersion_Create: policy violations are only reported for flagged images; dataDiskImages come from the source VM, a placeholder id in the example',
    },
    'GalleryImageVersion_Create_WithShallowReplicationMode.json': {
        extra: ['properties.publishingProfile.excludeFromLatest'],
        missing: ['properties.safetyProfile.policyViolations*', 'properties.storageProfile.dataDiskImages*'],
        reason: 'as GalleryImageVersion_Create: policy violations are only reported for flagged images; dataDiskImages come from the source image, a placeholder id in the example',
    },
    'GalleryApplicationVersion_Create.json': {
        missing: ['properties.publishingProfile.settings*', 'properties.publishingProfile.advancedSettings*'],
        reason: "the 200/201 answers show settings and advancedSettings the request never sent (the 202 answer does not): the emulator returns what was sent",
    },
    'Image_CreateFromABlob.json': { extra: ['properties.hyperVGeneration'], reason: 'ComputeRP returns the defaulted hyperVGeneration (V1)' },
    'Image_CreateFromAVM.json': { extra: ['properties.hyperVGeneration'], reason: 'ComputeRP returns the defaulted hyperVGeneration (V1)' },
    'Image_Update.json': {
        extra: ['properties.sourceVirtualMachine*', 'properties.hyperVGeneration', 'properties.storageProfile.osDisk.caching'],
        reason:
            'the example response drops the sourceVirtualMachine and hyperVGeneration the PATCH body sets; the OS disk caching default (ReadWrite, as in Image_Create*) is filled in',
    },
};

/**
 * Examples of operations the extension never calls and the emulator therefore does not implement: they are not
 * replayed. Every example must map to an operation (operationOf) or match one of these, and every entry must match an
 * example, so an example that arrives with a refresh is never ignored silently.
 */
const NOT_EMULATED: readonly { pattern: RegExp; reason: string }[] = [
    {
        pattern: /^Gallery_(AddToSharingProfile|ResetSharingProfile|EnableCommunityGallery|Get_WithExpandSharingProfileGroups|Get_WithSelectPermissions)$/,
        reason: 'sharing: the galleries/share action and the GET options ($expand=SharingProfile/Groups, $select=Permissions) that answer with sharing groups only',
    },
    { pattern: /^CommunityGallery/, reason: 'community galleries: publishing a gallery to the community and the location-scoped community reads' },
    { pattern: /^(TenantLevel)?SharedGallery/, reason: 'shared with me: location-scoped SharedGalleries reads and the invites of 2025-12-03' },
];

function isNotEmulated(fileName: string): boolean {
    const base = fileName.replace(/\.json$/, '');
    return NOT_EMULATED.some(({ pattern }) => pattern.test(base));
}

function operationOf(fileName: string): Operation | undefined {
    const base = fileName.replace(/\.json$/, '');
    const table: [RegExp, Resource, Action][] = [
        [/^GalleryApplicationVersion_Get_WithReplicationStatus$/, 'galleryApplicationVersion', 'getWithReplicationStatus'],
        [/^GalleryApplicationVersion_Create/, 'galleryApplicationVersion', 'create'],
        [/^GalleryApplicationVersion_Get/, 'galleryApplicationVersion', 'get'],
        [/^GalleryApplicationVersion_Update/, 'galleryApplicationVersion', 'update'],
        [/^GalleryApplicationVersion_Delete/, 'galleryApplicationVersion', 'delete'],
        [/^GalleryApplicationVersion_ListByGalleryApplication/, 'galleryApplicationVersion', 'listByParent'],
        [/^GalleryApplication_Create/, 'galleryApplication', 'create'],
        [/^GalleryApplication_Get/, 'galleryApplication', 'get'],
        [/^GalleryApplication_Update/, 'galleryApplication', 'update'],
        [/^GalleryApplication_Delete/, 'galleryApplication', 'delete'],
        [/^GalleryApplication_ListByGallery/, 'galleryApplication', 'listByParent'],
        [/^GalleryImageVersion_Get_WithReplicationStatus$/, 'galleryImageVersion', 'getWithReplicationStatus'],
        [/^GalleryImageVersion_Update_RestoreSoftDeleted$/, 'galleryImageVersion', 'restore'],
        [/^GallerySoftDeletedResource_ListByArtifactName$/, 'galleryImageVersion', 'listSoftDeleted'],
        [/^GalleryImageVersion_Create/, 'galleryImageVersion', 'create'],
        [/^GalleryImageVersion_Get/, 'galleryImageVersion', 'get'],
        [/^GalleryImageVersion_Update/, 'galleryImageVersion', 'update'],
        [/^GalleryImageVersion_Delete/, 'galleryImageVersion', 'delete'],
        [/^GalleryImageVersion_ListByGalleryImage/, 'galleryImageVersion', 'listByParent'],
        [/^GalleryImage_Create/, 'galleryImage', 'create'],
        [/^GalleryImage_Get/, 'galleryImage', 'get'],
        [/^GalleryImage_Update/, 'galleryImage', 'update'],
        [/^GalleryImage_Delete/, 'galleryImage', 'delete'],
        [/^GalleryImage_ListByGallery/, 'galleryImage', 'listByParent'],
        [/^Gallery_Create/, 'gallery', 'create'],
        [/^Gallery_Get/, 'gallery', 'get'],
        [/^Gallery_Update/, 'gallery', 'update'],
        [/^Gallery_Delete/, 'gallery', 'delete'],
        [/^Gallery_ListByResourceGroup/, 'gallery', 'listByParent'],
        [/^Gallery_ListBySubscription/, 'gallery', 'listBySubscription'],
        [/^Image_Create/, 'image', 'create'],
        [/^Image_Get/, 'image', 'get'],
        [/^Image_Update/, 'image', 'update'],
        [/^Images?_Delete/, 'image', 'delete'],
        [/^Image_ListByResourceGroup/, 'image', 'listByParent'],
        [/^Image_ListBySubscription/, 'image', 'listBySubscription'],
    ];
    const hit = table.find(([pattern]) => pattern.test(base));
    return hit ? { resource: hit[1], action: hit[2] } : undefined;
}

function findExamples(dir: string): Example[] {
    const out: Example[] = [];
    const walk = (d: string): void => {
        for (const entry of readdirSync(d).sort()) {
            const full = path.join(d, entry);
            if (statSync(full).isDirectory()) {
                if (entry !== 'swagger') walk(full);
            } else if (entry.endsWith('.json')) {
                const parsed = JSON.parse(readFileSync(full, 'utf8')) as Json;
                if (parsed.parameters && parsed.responses) {
                    out.push({
                        file: full,
                        relative: path.relative(dir, full),
                        parameters: parsed.parameters as Json,
                        responses: parsed.responses as Example['responses'],
                    });
                }
            }
        }
    };
    walk(dir);
    return out;
}

/** Property paths with value types; array elements are merged under `[]`. */
function shapeOf(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
    if (Array.isArray(value)) {
        if (prefix) out.set(prefix, 'array');
        for (const item of value) shapeOf(item, `${prefix}[]`, out);
    } else if (typeof value === 'object' && value !== null) {
        if (prefix) out.set(prefix, 'object');
        for (const [key, child] of Object.entries(value)) shapeOf(child, prefix ? `${prefix}.${key}` : key, out);
    } else {
        out.set(prefix, value === null ? 'null' : typeof value);
    }
    return out;
}

function matchesAny(p: string, patterns: readonly string[]): boolean {
    return patterns.some((pattern) => {
        if (pattern.endsWith('*')) {
            return p.startsWith(pattern.slice(0, -1));
        }
        return p === pattern;
    });
}

/** Compares shapes, rooted at `root` (e.g. 'value[].' for list items). */
function compareShapes(expected: unknown, actual: unknown, tolerance: Tolerance | undefined, root = ''): string[] {
    const want = shapeOf(expected);
    const got = shapeOf(actual);
    const extra = [...ALWAYS_EXTRA, ...(tolerance?.extra ?? [])].map((p) => root + p);
    const missingOk = (tolerance?.missing ?? []).map((p) => root + p);
    const problems: string[] = [];
    for (const [p, type] of want) {
        const actualType = got.get(p);
        if (actualType === undefined) {
            if (!matchesAny(p, missingOk)) problems.push(`missing ${p} (${type})`);
        } else if (actualType !== type) {
            problems.push(`type of ${p}: example ${type}, emulator ${actualType}`);
        }
    }
    for (const [p, type] of got) {
        if (!want.has(p) && !matchesAny(p, extra)) problems.push(`unexpected ${p} (${type})`);
    }
    return problems;
}

// ------------------------------------------------------------------ seeding

const LOCATION = 'westus';

function str(params: Json, name: string, fallback: string): string {
    const value = params[name];
    return typeof value === 'string' ? value : fallback;
}

interface Names {
    sub: string;
    rg: string;
    gallery: string;
    image: string;
    version: string;
    application: string;
    applicationVersion: string;
    managedImage: string;
    apiVersion: string;
    /** SoftDeletedResource_ListByArtifactName's `artifactType` ("images"). */
    artifactType: string;
}

function namesOf(example: Example, sub: string): Names {
    const p = example.parameters;
    return {
        sub,
        rg: str(p, 'resourceGroupName', 'myResourceGroup'),
        gallery: str(p, 'galleryName', 'myGalleryName'),
        image: str(p, 'galleryImageName', str(p, 'artifactName', 'myGalleryImageName')),
        version: str(p, 'galleryImageVersionName', '1.0.0'),
        application: str(p, 'galleryApplicationName', 'myGalleryApplicationName'),
        applicationVersion: str(p, 'galleryApplicationVersionName', '1.0.0'),
        managedImage: str(p, 'imageName', 'myImage'),
        apiVersion: str(p, 'api-version', str(p, 'version', '2025-12-03')),
        artifactType: str(p, 'artifactType', 'images'),
    };
}

function paths(n: Names) {
    const rg = `/subscriptions/${n.sub}/resourceGroups/${n.rg}`;
    const gallery = `${rg}/providers/Microsoft.Compute/galleries/${n.gallery}`;
    const image = `${gallery}/images/${n.image}`;
    const application = `${gallery}/applications/${n.application}`;
    return {
        rg,
        gallery,
        image,
        version: `${image}/versions/${n.version}`,
        application,
        applicationVersion: `${application}/versions/${n.applicationVersion}`,
        managedImage: `${rg}/providers/Microsoft.Compute/images/${n.managedImage}`,
    };
}

function collectionAndItem(resource: Resource, n: Names): { item: string; collection: string; subscriptionList: string } {
    const p = paths(n);
    switch (resource) {
        case 'gallery':
            return { item: p.gallery, collection: `${p.rg}/providers/Microsoft.Compute/galleries`, subscriptionList: `/subscriptions/${n.sub}/providers/Microsoft.Compute/galleries` };
        case 'galleryImage':
            return { item: p.image, collection: `${p.gallery}/images`, subscriptionList: '' };
        case 'galleryImageVersion':
            return { item: p.version, collection: `${p.image}/versions`, subscriptionList: '' };
        case 'galleryApplication':
            return { item: p.application, collection: `${p.gallery}/applications`, subscriptionList: '' };
        case 'galleryApplicationVersion':
            return { item: p.applicationVersion, collection: `${p.application}/versions`, subscriptionList: '' };
        case 'image':
            return { item: p.managedImage, collection: `${p.rg}/providers/Microsoft.Compute/images`, subscriptionList: `/subscriptions/${n.sub}/providers/Microsoft.Compute/images` };
    }
}

const MINIMAL_PROPERTIES: Record<Resource, Json> = {
    gallery: { description: 'seeded parent' },
    galleryImage: { osType: 'Windows', osState: 'Generalized', hyperVGeneration: 'V1', identifier: { publisher: 'seedPublisher', offer: 'seedOffer', sku: 'seedSku' } },
    galleryImageVersion: {
        publishingProfile: { targetRegions: [{ name: 'West US', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' }] },
        storageProfile: { source: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/images/seed' } },
    },
    galleryApplication: { supportedOSType: 'Windows' },
    galleryApplicationVersion: {
        publishingProfile: {
            source: { mediaLink: 'https://example.blob.core.windows.net/apps/seed.zip' },
            manageActions: { install: 'install.cmd', remove: 'remove.cmd' },
            targetRegions: [{ name: 'West US', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' }],
        },
    },
    image: { storageProfile: { osDisk: { osType: 'Linux', osState: 'Generalized', blobUri: 'https://example.blob.core.windows.net/vhds/seed.vhd' } } },
};

const PARENTS: Record<Resource, Resource[]> = {
    gallery: [],
    galleryImage: ['gallery'],
    galleryImageVersion: ['gallery', 'galleryImage'],
    galleryApplication: ['gallery'],
    galleryApplicationVersion: ['gallery', 'galleryApplication'],
    image: [],
};

/** A resource body taken from an example response, minus what the emulator computes itself. */
function seedBodyFrom(example: Example, resource: Resource, list: boolean): Json | undefined {
    const body = example.responses['200']?.body as Json | undefined;
    const source = list ? ((body?.value as Json[] | undefined) ?? [])[0] : body;
    if (!source) return undefined;
    const copy = JSON.parse(JSON.stringify(source)) as Json;
    delete copy.id;
    delete copy.name;
    const props = copy.properties as Json | undefined;
    if (props) {
        delete props.replicationStatus;
        if (resource === 'gallery') delete props.identifier; // uniqueName is computed
        props.provisioningState = 'Succeeded';
    }
    return copy;
}

function seedFor(emulator: RunningEmulator, example: Example, op: Operation, n: Names): void {
    const store = emulator.store;
    store.addSubscription({ subscriptionId: n.sub, displayName: `Examples ${n.sub.slice(-4)}`, tenantId: CONTOSO_TENANT, state: 'Enabled' });
    store.addResourceGroup({ subscriptionId: n.sub, name: n.rg, location: LOCATION });
    const p = paths(n);
    const ids: Record<Resource, string> = {
        gallery: p.gallery,
        galleryImage: p.image,
        galleryImageVersion: p.version,
        galleryApplication: p.application,
        galleryApplicationVersion: p.applicationVersion,
        image: p.managedImage,
    };
    const softDelete = op.action === 'restore' || op.action === 'listSoftDeleted';
    for (const parent of PARENTS[op.resource]) {
        const properties = softDelete && parent === 'gallery' ? { ...MINIMAL_PROPERTIES.gallery, softDeletePolicy: { isSoftDeleteEnabled: true } } : MINIMAL_PROPERTIES[parent];
        store.addResource({ id: ids[parent], location: LOCATION, properties });
    }
    if (op.action === 'create') return;
    const deletedAt = Date.now() - 3_600_000;
    if (op.action === 'restore') {
        // the version as it was before it was soft-deleted: the example's response body
        const body = seedBodyFrom(example, op.resource, false) ?? { location: LOCATION, properties: MINIMAL_PROPERTIES.galleryImageVersion };
        store.addSoftDeleted({ ...body, id: ids.galleryImageVersion }, deletedAt);
        return;
    }
    if (op.action === 'listSoftDeleted') {
        // two soft-deleted versions so that the (pageSize 1) list returns a nextLink like the example
        for (const id of [ids.galleryImageVersion, ids.galleryImageVersion.replace(/[^/]+$/, '9.9.9')]) {
            store.addSoftDeleted({ id, location: LOCATION, properties: MINIMAL_PROPERTIES.galleryImageVersion }, deletedAt);
        }
        return;
    }
    const list = op.action === 'listByParent' || op.action === 'listBySubscription';
    const body: Json = seedBodyFrom(example, op.resource, list) ?? { location: LOCATION, properties: MINIMAL_PROPERTIES[op.resource] };
    store.addResource({ ...body, id: ids[op.resource] });
    if (list) {
        // a second item so that the (pageSize 1) list returns a nextLink like the example
        const isVersion = op.resource === 'galleryImageVersion' || op.resource === 'galleryApplicationVersion';
        const second = isVersion ? ids[op.resource].replace(/[^/]+$/, '9.9.9') : `${ids[op.resource]}2`;
        const props = JSON.parse(JSON.stringify(body.properties ?? {})) as Json;
        if (op.resource === 'galleryImage') {
            props.identifier = { publisher: 'otherPublisher', offer: 'otherOffer', sku: 'otherSku' };
        }
        store.addResource({ ...body, properties: props, id: second });
    }
}

// ------------------------------------------------------------------ request + expectations

interface Exchange {
    method: string;
    url: string;
    body?: unknown;
    expectStatus: number;
}

const BODY_PARAM: Record<Resource, string> = {
    gallery: 'gallery',
    galleryImage: 'galleryImage',
    galleryImageVersion: 'galleryImageVersion',
    galleryApplication: 'galleryApplication',
    galleryApplicationVersion: 'galleryApplicationVersion',
    image: 'parameters',
};

/**
 * Requests that cannot be replayed as written, each with its reason; the change is the smallest that makes ARM of
 * today accept the request.
 */
const REQUEST_ADJUSTMENTS: Record<string, { adjust: (body: Json) => Json; reason: string }> = {
    'GalleryApplicationVersion_Create.json': {
        adjust: futureEndOfLife,
        reason: "publishingProfile.endOfLifeDate is 2019-07-01, and ARM requires an end of life in the future on writes (as the emulator does for images)",
    },
    'GalleryApplicationVersion_Update.json': {
        adjust: futureEndOfLife,
        reason: 'as GalleryApplicationVersion_Create: endOfLifeDate 2019-07-01 is in the past',
    },
};

function futureEndOfLife(body: Json): Json {
    const copy = JSON.parse(JSON.stringify(body)) as Json;
    const publishingProfile = (copy.properties as Json | undefined)?.publishingProfile as Json | undefined;
    assert.ok(publishingProfile && typeof publishingProfile.endOfLifeDate === 'string', 'the example still sends an endOfLifeDate (else drop its adjustment)');
    assert.ok(Date.parse(publishingProfile.endOfLifeDate) < Date.now(), 'the example\'s endOfLifeDate is in the past (else drop its adjustment)');
    publishingProfile.endOfLifeDate = new Date(Date.now() + 365 * 86_400_000).toISOString();
    return copy;
}

function requestBody(example: Example, op: Operation): unknown {
    const body = example.parameters[BODY_PARAM[op.resource]];
    const adjustment = REQUEST_ADJUSTMENTS[path.basename(example.file)];
    return adjustment && typeof body === 'object' && body !== null ? adjustment.adjust(body as Json) : body;
}

function exchangeFor(example: Example, op: Operation, n: Names): Exchange {
    const { item, collection, subscriptionList } = collectionAndItem(op.resource, n);
    const q = `api-version=${encodeURIComponent(n.apiVersion)}`;
    switch (op.action) {
        case 'create':
            return { method: 'PUT', url: `${item}?${q}`, body: requestBody(example, op), expectStatus: 201 };
        case 'restore':
        case 'update':
            return { method: 'PATCH', url: `${item}?${q}`, body: requestBody(example, op), expectStatus: 200 };
        case 'delete':
            return { method: 'DELETE', url: `${item}?${q}`, expectStatus: 202 };
        case 'get':
            return { method: 'GET', url: `${item}?${q}`, expectStatus: 200 };
        case 'getWithReplicationStatus':
            return { method: 'GET', url: `${item}?${q}&$expand=${str(example.parameters, '$expand', 'ReplicationStatus')}`, expectStatus: 200 };
        case 'listByParent':
            return { method: 'GET', url: `${collection}?${q}`, expectStatus: 200 };
        case 'listBySubscription':
            return { method: 'GET', url: `${subscriptionList}?${q}`, expectStatus: 200 };
        case 'listSoftDeleted':
            return { method: 'GET', url: `${paths(n).gallery}/softDeletedArtifactTypes/${n.artifactType}/artifacts/${n.image}/versions?${q}`, expectStatus: 200 };
    }
}

const LRO_HEADERS = ['azure-asyncoperation', 'location'];

describe('emulator vs Microsoft REST examples', function () {
    let emulator: RunningEmulator;
    const allExamples = existsSync(EXAMPLES_DIR) ? findExamples(EXAMPLES_DIR) : [];
    const examples = allExamples.filter((e) => !isNotEmulated(path.basename(e.file)));

    before(async function () {
        assert.ok(
            examples.length > 0,
            `No REST examples found in ${EXAMPLES_DIR}: the folder is part of the repository; restore it with git restore test/fixtures/reference.`,
        );
        emulator = await startEmulator({
            pageSize: 1,
            lroDelayMs: 60_000,
            replicationMsPerRegion: 60_000,
            seed: { tenants: [{ tenantId: CONTOSO_TENANT, displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com' }] },
        });
    });

    after(async () => {
        await emulator?.close();
    });

    it('finds the example files, and each is replayed or of an operation listed as not emulated', function () {
        assert.ok(examples.length >= 25, `expected the full example set, found ${examples.length}`);
        const unmapped = examples.filter((e) => !operationOf(path.basename(e.file))).map((e) => e.relative);
        assert.deepEqual(unmapped, [], 'every example maps to an operation or is listed in NOT_EMULATED');
        const unused = NOT_EMULATED.filter(({ pattern }) => !allExamples.some((e) => pattern.test(path.basename(e.file, '.json'))));
        assert.deepEqual(unused.map(({ reason }) => reason), [], 'every NOT_EMULATED entry matches an example');
    });

    examples.forEach((example, index) => {
        const fileName = path.basename(example.file);
        it(`${example.relative}`, async () => {
            const op = operationOf(fileName);
            assert.ok(op, `no operation mapping for ${fileName}`);
            const sub = `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
            const n = namesOf(example, sub);
            seedFor(emulator, example, op, n);
            const exchange = exchangeFor(example, op, n);
            const response = await armRequest(emulator, exchange.method, exchange.url, exchange.body !== undefined ? { body: exchange.body } : {});

            assert.ok(Object.keys(example.responses).includes(String(response.status)), `status ${response.status} is not one the example documents (${Object.keys(example.responses).join(', ')}): ${response.text}`);
            assert.equal(response.status, exchange.expectStatus, response.text);

            const documented = example.responses[String(response.status)];
            const expectedHeaders = Object.keys(documented.headers ?? {}).map((h) => h.toLowerCase()).filter((h) => LRO_HEADERS.includes(h)).sort();
            if (expectedHeaders.length > 0) {
                const actualHeaders = LRO_HEADERS.filter((h) => response.headers.has(h)).sort();
                assert.deepEqual(actualHeaders, expectedHeaders, 'LRO headers');
                assert.ok(response.headers.has('retry-after'), 'Retry-After on the 202');
            }
            if (documented.body !== undefined && Object.keys(documented.body as Json).length > 0) {
                const problems = compareShapes(documented.body, response.json, TOLERANCES[fileName]);
                assert.deepEqual(problems, [], `shape differences for ${fileName}:\n${JSON.stringify(response.json, null, 2)}`);
            } else {
                assert.equal(response.text, '', 'no body expected');
            }
            if (op.resource === 'galleryApplication' && (op.action === 'create' || op.action === 'update')) {
                // GalleryApplicationProperties has no provisioningState: the write is followed through its operation
                assert.ok(response.headers.has('azure-asyncoperation'), 'the write runs as a long-running operation');
            } else if (op.action === 'create' || op.action === 'update' || op.action === 'restore') {
                const state = ((response.json as Json).properties as Json).provisioningState;
                assert.ok(state === 'Creating' || state === 'Updating', `non-terminal provisioningState, got ${String(state)}`);
            }
            if (op.action === 'restore') {
                // the restored version is live again and has left the soft-deleted list
                assert.equal((await armRequest(emulator, 'GET', exchange.url)).status, 200);
                assert.equal(emulator.store.getSoftDeleted(collectionAndItem(op.resource, n).item), undefined);
            }
            if (op.action === 'listSoftDeleted') {
                const first = (response.json as Json).value as Json[];
                assert.deepEqual(
                    first.map((item) => (item.properties as Json).resourceArmId),
                    [collectionAndItem(op.resource, n).item],
                    'the first page holds the soft-deleted version, pointing at its own id',
                );
            }
            if (op.action === 'delete') {
                // a second DELETE while the first runs is accepted again; once gone it answers 204 (swagger: "Resource does not exist")
                emulator.store.removeResource(collectionAndItem(op.resource, n).item);
                const again = await armRequest(emulator, 'DELETE', exchange.url);
                assert.equal(again.status, 204);
                assert.ok(Object.keys(example.responses).includes('204'));
            }
        });
    });
});
