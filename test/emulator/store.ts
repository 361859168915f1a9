/**
 * EmulatorStore: the emulator's typed, in-memory state (tenants, subscriptions, resource groups, resources).
 *
 * Time-driven changes (an LRO finishing, a delete taking effect) are stored as pending transitions and applied
 * lazily by `settle()`, which every public read/write calls first, so no timers need cleaning up.
 * Lookups are case-insensitive; ids keep the casing they were created with.
 */
import type { ArmErrorDetail } from './errors';
import { clone, isObject, type JsonObject } from './json';
import { parseResourceId, resourceGroupId, resourceKey, typedName, type ParsedResourceId } from './resourceIds';
import { applySeed, type SeedFile } from './seed';

export interface TenantRecord {
    tenantId: string;
    displayName: string;
    defaultDomain: string;
    domains?: string[];
    countryCode?: string;
}

export interface SubscriptionRecord {
    subscriptionId: string;
    displayName: string;
    tenantId: string;
    /** 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted' */
    state: string;
    tags?: Record<string, string>;
}

export interface ResourceGroupRecord {
    subscriptionId: string;
    name: string;
    location: string;
    tags?: Record<string, string>;
    provisioningState: string;
    managedBy?: string;
    /** Set while a resource-group delete is running. */
    deletingUntil?: number;
}

/** A resource as ARM returns it (computed fields such as replicationStatus are added on read). */
export interface ArmResourceJson {
    id: string;
    name: string;
    type: string;
    location?: string;
    tags?: Record<string, string>;
    properties: JsonObject;
    [extra: string]: unknown;
}

/** 'SoftDeleted': a DELETE in a gallery with soft delete; the version moves to the gallery's soft-deleted list. */
export type TransitionOutcome = 'Succeeded' | 'Failed' | 'Deleted' | 'SoftDeleted';

/** How long a soft-deleted image version stays restorable before it is purged (Microsoft's soft-delete article). */
export const SOFT_DELETE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** An image version deleted from a gallery with soft delete: restorable until `deletedAt` + 7 days. */
export interface SoftDeletedResource {
    readonly key: string;
    readonly parsed: ParsedResourceId;
    /** The version as it was when deleted (provisioningState Succeeded). */
    readonly body: ArmResourceJson;
    readonly deletedAt: number;
    readonly replication?: RegionReplication[];
}

export interface PendingTransition {
    /** Epoch ms at which the transition takes effect. */
    until: number;
    outcome: TransitionOutcome;
    error?: ArmErrorDetail;
}

/** Replication timeline of one target region of an image version. */
export interface RegionReplication {
    region: string;
    startAt: number;
    endAt: number;
    fails: boolean;
}

export interface StoredResource {
    readonly key: string;
    readonly parsed: ParsedResourceId;
    body: ArmResourceJson;
    pending?: PendingTransition;
    replication?: RegionReplication[];
    createdAt: number;
}

export interface PutResourceOptions {
    pending?: PendingTransition;
    replication?: RegionReplication[];
    /** Create the resource group (in the resource's location) when missing. Default true. */
    createResourceGroup?: boolean;
}

export class EmulatorStore {
    private readonly tenants = new Map<string, TenantRecord>();
    private readonly subscriptions = new Map<string, SubscriptionRecord>();
    private readonly groups = new Map<string, ResourceGroupRecord>();
    private readonly resources = new Map<string, StoredResource>();
    /** parent key (resource key or resource-group key) → child keys */
    private readonly byParent = new Map<string, Set<string>>();
    /** lower-case type → keys */
    private readonly byType = new Map<string, Set<string>>();
    private readonly pendingKeys = new Set<string>();
    /** parent key → recently removed children (for the stale child cache) */
    private readonly removedChildren = new Map<string, { at: number; name: string }[]>();
    private readonly sortedCache = new Map<string, { revision: number; keys: string[] }>();
    /** soft-deleted image versions by (lower-case) version id */
    private readonly softDeleted = new Map<string, SoftDeletedResource>();
    private revision = 0;

    constructor(readonly clock: () => number = Date.now) {}

    now(): number {
        return this.clock();
    }

    // ---------------------------------------------------------------- tenants & subscriptions

    addTenant(tenant: TenantRecord): void {
        this.tenants.set(tenant.tenantId.toLowerCase(), { ...tenant });
    }

    getTenant(tenantId: string): TenantRecord | undefined {
        return this.tenants.get(tenantId.toLowerCase());
    }

    listTenants(): TenantRecord[] {
        return [...this.tenants.values()];
    }

    addSubscription(subscription: SubscriptionRecord): void {
        this.subscriptions.set(subscription.subscriptionId.toLowerCase(), { ...subscription });
    }

    getSubscription(subscriptionId: string): SubscriptionRecord | undefined {
        return this.subscriptions.get(subscriptionId.toLowerCase());
    }

    listSubscriptions(tenantId?: string): SubscriptionRecord[] {
        const all = [...this.subscriptions.values()];
        return tenantId === undefined ? all : all.filter((s) => s.tenantId.toLowerCase() === tenantId.toLowerCase());
    }

    // ---------------------------------------------------------------- resource groups

    addResourceGroup(group: { subscriptionId: string; name: string; location: string; tags?: Record<string, string>; managedBy?: string }): ResourceGroupRecord {
        const subscription = this.getSubscription(group.subscriptionId);
        if (!subscription) {
            throw new Error(`Cannot add resource group '${group.name}': subscription '${group.subscriptionId}' is not seeded`);
        }
        const key = resourceKey(resourceGroupId(subscription.subscriptionId, group.name));
        const existing = this.groups.get(key);
        const record: ResourceGroupRecord = {
            subscriptionId: subscription.subscriptionId,
            name: existing?.name ?? group.name,
            location: group.location,
            provisioningState: 'Succeeded',
            ...(group.tags ? { tags: { ...group.tags } } : {}),
            ...(group.managedBy ? { managedBy: group.managedBy } : {}),
        };
        this.groups.set(key, record);
        return record;
    }

    getResourceGroup(subscriptionId: string, name: string): ResourceGroupRecord | undefined {
        this.settle();
        return this.groups.get(resourceKey(resourceGroupId(subscriptionId, name)));
    }

    listResourceGroups(subscriptionId: string): ResourceGroupRecord[] {
        this.settle();
        const prefix = `/subscriptions/${subscriptionId.toLowerCase()}/`;
        return [...this.groups.entries()]
            .filter(([key]) => key.startsWith(prefix))
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([, group]) => group);
    }

    /** Marks a resource group as deleting; it and everything in it disappear at `until`. */
    beginDeleteResourceGroup(subscriptionId: string, name: string, until: number): void {
        const group = this.getResourceGroup(subscriptionId, name);
        if (group) {
            group.provisioningState = 'Deleting';
            group.deletingUntil = until;
        }
    }

    removeResourceGroup(subscriptionId: string, name: string): boolean {
        const key = resourceKey(resourceGroupId(subscriptionId, name));
        if (!this.groups.has(key)) {
            return false;
        }
        for (const child of [...(this.byParent.get(key) ?? [])]) {
            this.removeByKey(child);
        }
        this.groups.delete(key);
        this.byParent.delete(key);
        return true;
    }

    // ---------------------------------------------------------------- resources

    /**
     * Inserts or replaces a resource (full ARM JSON with at least `id`). `name`/`type` are derived from the id,
     * `properties.provisioningState` defaults to Succeeded. Throws for an unknown subscription or missing parent.
     */
    putResource(json: Partial<ArmResourceJson> & { id: string }, options: PutResourceOptions = {}): StoredResource {
        this.settle();
        const parsed = parseResourceId(json.id);
        if (!parsed) {
            throw new Error(`Not a resource-group scoped resource id: '${json.id}'`);
        }
        const subscription = this.getSubscription(parsed.subscriptionId);
        if (!subscription) {
            throw new Error(`Cannot add '${json.id}': subscription '${parsed.subscriptionId}' is not seeded`);
        }
        let group = this.getResourceGroup(parsed.subscriptionId, parsed.resourceGroup);
        if (!group) {
            if (options.createResourceGroup === false) {
                throw new Error(`Cannot add '${json.id}': resource group '${parsed.resourceGroup}' does not exist`);
            }
            group = this.addResourceGroup({
                subscriptionId: subscription.subscriptionId,
                name: parsed.resourceGroup,
                location: typeof json.location === 'string' ? json.location : 'eastus',
            });
        }
        const key = resourceKey(parsed.id);
        const existing = this.resources.get(key);
        let parentKey: string;
        let canonicalId: string;
        if (parsed.parentId) {
            const parent = this.resources.get(resourceKey(parsed.parentId));
            if (!parent) {
                throw new Error(`Cannot add '${json.id}': parent '${parsed.parentId}' does not exist`);
            }
            parentKey = parent.key;
            canonicalId = existing?.body.id ?? `${parent.body.id}/${parsed.type.split('/').pop() ?? ''}/${parsed.name}`;
        } else {
            parentKey = resourceKey(resourceGroupId(group.subscriptionId, group.name));
            const tail = parsed.id.slice(parsed.resourceGroupId.length);
            canonicalId = existing?.body.id ?? `${resourceGroupId(group.subscriptionId, group.name)}${tail}`;
        }
        const properties = isObject(json.properties) ? clone(json.properties) : {};
        if (properties.provisioningState === undefined) {
            properties.provisioningState = 'Succeeded';
        }
        // ARM's usual member order: name, id, type, location, tags, <others>, properties.
        const others: Record<string, unknown> = clone(json);
        const { type: givenType, location, tags } = others;
        for (const key of ['id', 'name', 'type', 'location', 'tags', 'properties']) {
            delete others[key];
        }
        const body: ArmResourceJson = {
            name: existing?.body.name ?? parsed.name,
            id: canonicalId,
            type: existing?.body.type ?? (typeof givenType === 'string' && givenType.toLowerCase() === parsed.type.toLowerCase() ? givenType : parsed.type),
            ...(typeof location === 'string' ? { location } : {}),
            ...(isObject(tags) ? { tags: tags as Record<string, string> } : {}),
            ...others,
            properties,
        };
        const stored: StoredResource = {
            key,
            parsed: parseResourceId(canonicalId) ?? parsed,
            body,
            createdAt: existing?.createdAt ?? this.now(),
            ...(options.pending ? { pending: options.pending } : {}),
            ...(options.replication ? { replication: options.replication } : existing?.replication ? { replication: existing.replication } : {}),
        };
        this.resources.set(key, stored);
        if (!existing) {
            this.index(this.byParent, parentKey, key);
            this.index(this.byType, parsed.type.toLowerCase(), key);
            this.revision++;
        }
        if (stored.pending) {
            this.pendingKeys.add(key);
        } else {
            this.pendingKeys.delete(key);
        }
        return stored;
    }

    /** Convenience for tests/seeding: add a resource in its final (Succeeded) state. Returns a copy of what was stored. */
    addResource(json: Partial<ArmResourceJson> & { id: string }): ArmResourceJson {
        return clone(this.putResource(json).body);
    }

    /** A copy of the stored resource JSON (without computed read-only fields), or undefined. */
    getResourceJson(id: string): ArmResourceJson | undefined {
        const stored = this.getResource(id);
        return stored ? clone(stored.body) : undefined;
    }

    getResource(id: string): StoredResource | undefined {
        this.settle();
        return this.resources.get(resourceKey(id));
    }

    /** Removes a resource and everything nested under it. Returns false when it did not exist. */
    removeResource(id: string): boolean {
        this.settle();
        return this.removeByKey(resourceKey(id));
    }

    /** Replaces a stored resource's pending transition (e.g. when an LRO starts). */
    setPending(stored: StoredResource, pending: PendingTransition | undefined): void {
        if (pending) {
            stored.pending = pending;
            this.pendingKeys.add(stored.key);
        } else {
            delete stored.pending;
            this.pendingKeys.delete(stored.key);
        }
    }

    /** Direct children of a resource (any type), sorted by id. */
    listChildren(parentId: string, childType?: string): StoredResource[] {
        this.settle();
        return this.sortedKeys(resourceKey(parentId), childType).map((k) => this.mustGet(k));
    }

    /** Top-level resources of a type in a resource group, sorted by id. */
    listInResourceGroup(subscriptionId: string, resourceGroup: string, type: string): StoredResource[] {
        this.settle();
        return this.sortedKeys(resourceKey(resourceGroupId(subscriptionId, resourceGroup)), type).map((k) => this.mustGet(k));
    }

    /** All resources of a type in a subscription, sorted by id. */
    listInSubscription(subscriptionId: string, type: string): StoredResource[] {
        this.settle();
        const typeKey = type.toLowerCase();
        const cacheKey = `sub|${subscriptionId.toLowerCase()}|${typeKey}`;
        const prefix = `/subscriptions/${subscriptionId.toLowerCase()}/`;
        const keys = this.cached(cacheKey, () => [...(this.byType.get(typeKey) ?? [])].filter((k) => k.startsWith(prefix)));
        return keys.map((k) => this.mustGet(k));
    }

    // ---------------------------------------------------------------- soft delete

    /** Moves a stored resource to the soft-deleted list (deleted at `at`): it leaves every list and GET. */
    softDeleteResource(id: string, at: number = this.now()): SoftDeletedResource | undefined {
        this.settle();
        return this.softDeleteByKey(resourceKey(id), at);
    }

    /**
     * Adds a soft-deleted version directly (seeds): full ARM JSON of the version as it was, deleted at `deletedAt`.
     * Its parent (the image definition) must exist.
     */
    addSoftDeleted(json: Partial<ArmResourceJson> & { id: string }, deletedAt: number): SoftDeletedResource {
        this.settle();
        const parsed = parseResourceId(json.id);
        if (!parsed?.parentId || !this.resources.has(resourceKey(parsed.parentId))) {
            throw new Error(`Cannot add soft-deleted '${json.id}': its parent does not exist`);
        }
        if (this.resources.has(resourceKey(json.id))) {
            throw new Error(`Cannot add soft-deleted '${json.id}': a resource with that id exists`);
        }
        // Reuse putResource for the canonical id/body, then move it out of the live resources.
        this.putResource(json);
        const record = this.softDeleteByKey(resourceKey(json.id), deletedAt);
        if (!record) {
            throw new Error(`Cannot add soft-deleted '${json.id}'`);
        }
        return record;
    }

    /** The soft-deleted resource with this id (not yet purged), if any. */
    getSoftDeleted(id: string): SoftDeletedResource | undefined {
        this.settle();
        return this.softDeleted.get(resourceKey(id));
    }

    /** Removes a soft-deleted resource from the list (restore) and returns it. */
    takeSoftDeleted(id: string): SoftDeletedResource | undefined {
        this.settle();
        const key = resourceKey(id);
        const record = this.softDeleted.get(key);
        this.softDeleted.delete(key);
        return record;
    }

    /** Soft-deleted resources whose parent is `parentId`, sorted by key. */
    listSoftDeleted(parentId: string): SoftDeletedResource[] {
        this.settle();
        const parentKey = resourceKey(parentId);
        return [...this.softDeleted.values()]
            .filter((r) => r.parsed.parentId !== undefined && resourceKey(r.parsed.parentId) === parentKey)
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }

    /** Soft-deleted resources anywhere under `ancestorId` (a gallery or an image definition), sorted by key. */
    listSoftDeletedUnder(ancestorId: string): SoftDeletedResource[] {
        this.settle();
        const prefix = `${resourceKey(ancestorId)}/`;
        return [...this.softDeleted.values()].filter((r) => r.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }

    /** Children removed from `parentId` within the last `windowMs` (ARM's stale child cache). */
    recentlyRemovedChildren(parentId: string, windowMs: number): string[] {
        if (windowMs <= 0) {
            return [];
        }
        const cutoff = this.now() - windowMs;
        return (this.removedChildren.get(resourceKey(parentId)) ?? []).filter((r) => r.at > cutoff).map((r) => r.name);
    }

    /** Adds tenants, subscriptions, resource groups and resources from a seed (see seed.ts / README.md). */
    seed(seed: SeedFile): void {
        applySeed(this, seed);
    }

    /** Number of stored resources (all types). */
    get size(): number {
        return this.resources.size;
    }

    /** Applies every pending transition whose time has come, purges expired soft-deleted resources. Called by all public accessors. */
    settle(): void {
        const now = this.now();
        for (const [key, record] of this.softDeleted) {
            if (record.deletedAt + SOFT_DELETE_RETENTION_MS <= now) {
                this.softDeleted.delete(key);
            }
        }
        for (const group of this.groups.values()) {
            if (group.deletingUntil !== undefined && group.deletingUntil <= now) {
                this.removeResourceGroup(group.subscriptionId, group.name);
            }
        }
        if (this.pendingKeys.size === 0) {
            return;
        }
        const due = [...this.pendingKeys]
            .map((k) => this.resources.get(k))
            .filter((r): r is StoredResource => r !== undefined && r.pending !== undefined && r.pending.until <= now)
            .sort((a, b) => (a.pending?.until ?? 0) - (b.pending?.until ?? 0));
        for (const stored of due) {
            const pending = stored.pending;
            this.pendingKeys.delete(stored.key);
            if (!pending || !this.resources.has(stored.key)) {
                continue;
            }
            delete stored.pending;
            if (pending.outcome === 'Deleted') {
                this.removeByKey(stored.key);
            } else if (pending.outcome === 'SoftDeleted') {
                this.softDeleteByKey(stored.key, pending.until);
            } else {
                stored.body.properties.provisioningState = pending.outcome;
            }
        }
        for (const key of this.pendingKeys) {
            if (!this.resources.has(key)) {
                this.pendingKeys.delete(key);
            }
        }
    }

    // ---------------------------------------------------------------- internals

    private mustGet(key: string): StoredResource {
        const stored = this.resources.get(key);
        if (!stored) {
            throw new Error(`Store index out of sync for ${key}`);
        }
        return stored;
    }

    private index(map: Map<string, Set<string>>, key: string, value: string): void {
        let set = map.get(key);
        if (!set) {
            set = new Set();
            map.set(key, set);
        }
        set.add(value);
    }

    private unindex(map: Map<string, Set<string>>, key: string, value: string): void {
        const set = map.get(key);
        if (set) {
            set.delete(value);
            if (set.size === 0) {
                map.delete(key);
            }
        }
    }

    private softDeleteByKey(key: string, at: number): SoftDeletedResource | undefined {
        const stored = this.resources.get(key);
        if (!stored) {
            return undefined;
        }
        const body = clone(stored.body);
        body.properties.provisioningState = 'Succeeded';
        const publishingProfile = body.properties.publishingProfile;
        if (isObject(publishingProfile) && publishingProfile.publishedDate === undefined) {
            publishingProfile.publishedDate = new Date(stored.createdAt).toISOString();
        }
        this.removeByKey(key);
        const record: SoftDeletedResource = {
            key,
            parsed: stored.parsed,
            body,
            deletedAt: at,
            ...(stored.replication ? { replication: stored.replication } : {}),
        };
        this.softDeleted.set(key, record);
        return record;
    }

    private removeByKey(key: string): boolean {
        const stored = this.resources.get(key);
        if (!stored) {
            return false;
        }
        if (this.softDeleted.size > 0) {
            // a gallery / definition removed by the store (resource group delete, admin) takes its soft-deleted versions along
            const prefix = `${key}/`;
            for (const softKey of [...this.softDeleted.keys()]) {
                if (softKey.startsWith(prefix)) {
                    this.softDeleted.delete(softKey);
                }
            }
        }
        for (const child of [...(this.byParent.get(key) ?? [])]) {
            this.removeByKey(child);
        }
        const parentKey = stored.parsed.parentId
            ? resourceKey(stored.parsed.parentId)
            : resourceKey(stored.parsed.resourceGroupId);
        this.resources.delete(key);
        this.pendingKeys.delete(key);
        this.byParent.delete(key);
        this.removedChildren.delete(key);
        this.unindex(this.byParent, parentKey, key);
        this.unindex(this.byType, stored.parsed.type.toLowerCase(), key);
        if (stored.parsed.parentId) {
            const list = this.removedChildren.get(parentKey) ?? [];
            list.push({ at: this.now(), name: typedName(stored.parsed) });
            this.removedChildren.set(parentKey, list.slice(-20));
        }
        this.revision++;
        return true;
    }

    private sortedKeys(parentKey: string, type?: string): string[] {
        const typeKey = type?.toLowerCase();
        return this.cached(`parent|${parentKey}|${typeKey ?? '*'}`, () =>
            [...(this.byParent.get(parentKey) ?? [])].filter(
                (k) => typeKey === undefined || this.mustGet(k).parsed.type.toLowerCase() === typeKey,
            ),
        );
    }

    private cached(cacheKey: string, compute: () => string[]): string[] {
        const hit = this.sortedCache.get(cacheKey);
        if (hit && hit.revision === this.revision) {
            return hit.keys;
        }
        const keys = compute().sort();
        if (this.sortedCache.size > 500) {
            this.sortedCache.clear();
        }
        this.sortedCache.set(cacheKey, { revision: this.revision, keys });
        return keys;
    }
}
