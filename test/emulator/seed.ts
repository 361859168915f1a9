/**
 * Seed files: the initial state of an emulator (format documented in README.md).
 */
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

/** Any supported resource as ARM JSON; `name`/`type` are derived from `id` when omitted. */
export type SeedResource = Partial<ArmResourceJson> & { id: string };

export interface GenerateImageVersions {
    kind: 'imageVersions';
    /** Id of the gallery image definition that receives the versions. */
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

export type GenerateSpec = GenerateImageVersions | GenerateImageDefinitions | GenerateGalleries;

export interface SeedFile {
    tenants?: TenantRecord[];
    subscriptions?: SeedSubscription[];
    resourceGroups?: SeedResourceGroup[];
    resources?: SeedResource[];
    generate?: GenerateSpec[];
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
    const resources = [...(seed.resources ?? [])].sort((a, b) => depth(a.id) - depth(b.id));
    for (const resource of resources) {
        store.putResource(resource);
    }
    for (const spec of seed.generate ?? []) {
        generate(store, spec);
    }
}

function generate(store: EmulatorStore, spec: GenerateSpec): void {
    switch (spec.kind) {
        case 'imageVersions':
            return generateVersions(store, spec);
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
