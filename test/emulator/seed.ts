/**
 * Seed files: the initial state of an emulator (format documented in README.md).
 */
import { applySeedInvites, type SeedSharingInvite } from './sharing';
import { readFileSync } from 'node:fs';
import { isObject } from './json';
import { parseResourceId } from './resourceIds';
import type { ArmResourceJson, EmulatorStore, TenantRecord } from './store';

export interface SeedSubscription {
    subscriptionId: string;
    displayName: string;
    tenantId: string;
    /** Default 'Enabled'. */
    state?: string;
    tags?: Record<string, string>;
}

export interface SeedResourceGroup {
    subscriptionId: string;
    name: string;
    location: string;
    tags?: Record<string, string>;
}

/**
 * Any supported resource as ARM JSON; `name`/`type` are derived from `id` when omitted. Seed-only member of an image
 * version: `replicatingRegions` (target regions still replicating for a day after seeding: provisioningState
 * `Creating` unless given, `$expand=ReplicationStatus` reports them `Replicating`).
 */
export type SeedResource = Partial<ArmResourceJson> & { id: string; replicatingRegions?: string[] };

const SEEDED_REPLICATION_MS = 24 * 60 * 60 * 1000;

function putReplicating(store: EmulatorStore, json: SeedResource, replicating: string[], now: number): void {
    const properties: Record<string, unknown> = isObject(json.properties) ? { ...json.properties } : {};
    properties.provisioningState ??= 'Creating';
    const publishingProfile = isObject(properties.publishingProfile) ? properties.publishingProfile : {};
    const targets = Array.isArray(publishingProfile.targetRegions) ? publishingProfile.targetRegions : [];
    const regions = targets.map((t) => (isObject(t) && typeof t.name === 'string' ? t.name : '')).filter((n) => n !== '');
    const still = new Set(replicating.map((r) => r.toLowerCase().replace(/\s/g, '')));
    const end = now + SEEDED_REPLICATION_MS;
    const replication = (regions.length > 0 ? regions : [json.location ?? 'eastus']).map((region) =>
        still.has(region.toLowerCase().replace(/\s/g, '')) ? { region, startAt: now, endAt: end, fails: false } : { region, startAt: 0, endAt: 0, fails: false },
    );
    store.putResource({ ...json, properties }, { replication, pending: { until: end, outcome: 'Succeeded' } });
}

export interface GenerateImageVersions {
    kind: 'imageVersions';
    /** Id of the gallery image definition that receives the versions. */
    parentId: string;
    count: number;
    location?: string;
    /** Replication regions (default: [location]). */
    targetRegions?: string[];
}

export interface GenerateApplicationVersions {
    kind: 'applicationVersions';
    /** Id of the VM application (galleries/{g}/applications/{a}) that receives the versions. */
    parentId: string;
    count: number;
    location?: string;
    /** Replication regions (default: [location]). */
    targetRegions?: string[];
}

export interface GenerateImageDefinitions {
    kind: 'imageDefinitions';
    /** Id of the gallery that receives the definitions. */
    parentId: string;
    count: number;
    location?: string;
}

export interface GenerateGalleries {
    kind: 'galleries';
    subscriptionId: string;
    resourceGroup: string;
    count: number;
    location?: string;
}

export type GenerateSpec = GenerateImageVersions | GenerateApplicationVersions | GenerateImageDefinitions | GenerateGalleries;

/** An image version already in its gallery's soft-deleted list (restorable until `softDeletedTime` + 7 days). */
export interface SeedSoftDeletedVersion {
    /** ISO date-time or a relative date (`@now-2d`). */
    softDeletedTime: string;
    /** The version as it was when deleted (ARM JSON like `resources`); its image definition must be seeded. */
    version: SeedResource;
}

export interface SeedFile {
    tenants?: TenantRecord[];
    subscriptions?: SeedSubscription[];
    resourceGroups?: SeedResourceGroup[];
    /** String values of the form `@now`, `@now-30d`, `@now+90d` (units d, h, m) become ISO date-times at seed time. */
    resources?: SeedResource[];
    softDeletedVersions?: SeedSoftDeletedVersion[];
    /** Shares waiting for the grantee's acceptance (issue 13; see sharing.ts). */
    sharingInvites?: SeedSharingInvite[];
    generate?: GenerateSpec[];
}

const RELATIVE_DATE = /^@now(?:([+-])(\d+(?:\.\d+)?)([dhm]))?$/;
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/** `@now`, `@now-30d`, `@now+2h`, `@now-90m` → the ISO date-time relative to `now`; undefined for anything else. */
export function relativeDate(value: string, now: number): string | undefined {
    const match = RELATIVE_DATE.exec(value);
    if (!match) {
        return undefined;
    }
    const [, sign, amount, unit] = match;
    const offset = sign ? (sign === '-' ? -1 : 1) * Number(amount) * UNIT_MS[unit] : 0;
    return new Date(now + offset).toISOString();
}

/** A copy of `value` with every relative date string resolved against `now`. */
function resolveDates<T>(value: T, now: number): T {
    if (typeof value === 'string') {
        return (relativeDate(value, now) ?? value) as T;
    }
    if (Array.isArray(value)) {
        return value.map((item: unknown) => resolveDates(item, now)) as T;
    }
    if (isObject(value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDates(v, now)])) as T;
    }
    return value;
}

/** Reads a seed from a JSON file, or returns the object given. */
export function loadSeed(seed: SeedFile | string): SeedFile {
    if (typeof seed !== 'string') {
        return seed;
    }
    const parsed: unknown = JSON.parse(readFileSync(seed, 'utf8'));
    if (!isObject(parsed)) {
        throw new Error(`Seed file ${seed} must contain a JSON object`);
    }
    return parsed;
}

function depth(id: string): number {
    return id.split('/').filter((s) => s !== '').length;
}

export function applySeed(store: EmulatorStore, seed: SeedFile): void {
    for (const tenant of seed.tenants ?? []) {
        store.addTenant(tenant);
    }
    for (const sub of seed.subscriptions ?? []) {
        store.addSubscription({ ...sub, state: sub.state ?? 'Enabled' });
    }
    for (const group of seed.resourceGroups ?? []) {
        store.addResourceGroup(group);
    }
    // Parents before children, whatever order the file lists them in.
    const now = store.now();
    const resources = [...(seed.resources ?? [])].sort((a, b) => depth(a.id) - depth(b.id));
    for (const resource of resources) {
        const { replicatingRegions, ...json } = resolveDates(resource, now);
        if (Array.isArray(replicatingRegions)) {
            putReplicating(store, json, replicatingRegions.map(String), now);
        } else {
            store.putResource(json);
        }
    }
    for (const entry of seed.softDeletedVersions ?? []) {
        const time = relativeDate(entry.softDeletedTime, now) ?? entry.softDeletedTime;
        const deletedAt = Date.parse(time);
        if (Number.isNaN(deletedAt)) {
            throw new Error(`Seed soft-deleted version '${entry.version.id}': softDeletedTime '${entry.softDeletedTime}' is not a date`);
        }
        store.addSoftDeleted(resolveDates(entry.version, now), deletedAt);
    }
    applySeedInvites(store, seed.sharingInvites ?? []);
    for (const spec of seed.generate ?? []) {
        generate(store, spec);
    }
}

function generate(store: EmulatorStore, spec: GenerateSpec): void {
    switch (spec.kind) {
        case 'imageVersions':
            return generateVersions(store, spec);
        case 'applicationVersions':
            return generateApplicationVersions(store, spec);
        case 'imageDefinitions':
            return generateDefinitions(store, spec);
        case 'galleries':
            return generateGalleries(store, spec);
    }
}

function requireParent(store: EmulatorStore, id: string, what: string): ArmResourceJson {
    const parent = store.getResourceJson(id);
    if (!parent) {
        throw new Error(`Seed generator '${what}': parent '${id}' does not exist (seed it in "resources" first)`);
    }
    return parent;
}

/** 1.0.0, 1.0.1, … 1.0.99, 1.1.0, … : distinct Major.Minor.Patch names. */
function versionName(index: number): string {
    return `${1 + Math.floor(index / 10000)}.${Math.floor(index / 100) % 100}.${index % 100}`;
}

function generateVersions(store: EmulatorStore, spec: GenerateImageVersions): void {
    const parent = requireParent(store, spec.parentId, 'imageVersions');
    const parsed = parseResourceId(parent.id);
    const location = spec.location ?? parent.location ?? 'eastus';
    const regions = spec.targetRegions ?? [location];
    const sourceId = parsed
        ? `${parsed.resourceGroupId}/providers/Microsoft.Compute/images/${parsed.names[1] ?? 'image'}-source`
        : undefined;
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < spec.count; i++) {
        store.putResource({
            id: `${parent.id}/versions/${versionName(i)}`,
            location,
            properties: {
                publishingProfile: {
                    targetRegions: regions.map((name) => ({ name, regionalReplicaCount: 1, storageAccountType: 'Standard_LRS', excludeFromLatest: false })),
                    replicaCount: 1,
                    excludeFromLatest: false,
                    publishedDate: new Date(base + i * 60_000).toISOString(),
                    storageAccountType: 'Standard_LRS',
                },
                storageProfile: { source: { id: sourceId }, osDiskImage: { sizeInGB: 30, hostCaching: 'ReadOnly' } },
                safetyProfile: { allowDeletionOfReplicatedLocations: false, reportedForPolicyViolation: false, blockDeletionBeforeEndOfLife: false },
                provisioningState: 'Succeeded',
            },
        });
    }
}

function generateApplicationVersions(store: EmulatorStore, spec: GenerateApplicationVersions): void {
    const parent = requireParent(store, spec.parentId, 'applicationVersions');
    const location = spec.location ?? parent.location ?? 'eastus';
    const regions = spec.targetRegions ?? [location];
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < spec.count; i++) {
        const name = versionName(i);
        store.putResource({
            id: `${parent.id}/versions/${name}`,
            location,
            properties: {
                publishingProfile: {
                    source: { mediaLink: `https://generated.blob.core.windows.net/packages/${parent.name}/${name}/package.zip` },
                    manageActions: { install: 'install.cmd', remove: 'remove.cmd' },
                    enableHealthCheck: false,
                    targetRegions: regions.map((r) => ({ name: r, regionalReplicaCount: 1, storageAccountType: 'Standard_LRS', excludeFromLatest: false })),
                    replicaCount: 1,
                    excludeFromLatest: false,
                    publishedDate: new Date(base + i * 60_000).toISOString(),
                    storageAccountType: 'Standard_LRS',
                },
                safetyProfile: { allowDeletionOfReplicatedLocations: false },
                provisioningState: 'Succeeded',
            },
        });
    }
}

function generateDefinitions(store: EmulatorStore, spec: GenerateImageDefinitions): void {
    const parent = requireParent(store, spec.parentId, 'imageDefinitions');
    const location = spec.location ?? parent.location ?? 'eastus';
    for (let i = 0; i < spec.count; i++) {
        const n = String(i + 1).padStart(4, '0');
        store.putResource({
            id: `${parent.id}/images/definition-${n}`,
            location,
            properties: {
                osType: i % 2 === 0 ? 'Linux' : 'Windows',
                osState: 'Generalized',
                hyperVGeneration: 'V2',
                architecture: 'x64',
                identifier: { publisher: 'Generated', offer: 'LoadTest', sku: `sku-${n}` },
                provisioningState: 'Succeeded',
            },
        });
    }
}

function generateGalleries(store: EmulatorStore, spec: GenerateGalleries): void {
    const location = spec.location ?? 'eastus';
    for (let i = 0; i < spec.count; i++) {
        const n = String(i + 1).padStart(4, '0');
        store.putResource({
            id: `/subscriptions/${spec.subscriptionId}/resourceGroups/${spec.resourceGroup}/providers/Microsoft.Compute/galleries/generatedGallery${n}`,
            location,
            properties: { description: `Generated gallery ${n}`, provisioningState: 'Succeeded' },
        });
    }
}
