/**
 * Plain-Node support for tree tests: `vscode` resolves to ./fakeVscode (import this module before any
 * src/tree module), a recording log, and a TreeContext over a fake Azure layer whose answers each test sets.
 */
import Module from 'node:module';
import * as path from 'node:path';

const fakePath = path.join(__dirname, 'fakeVscode.ts');
type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? fakePath : resolveFilename.call(this, request, ...rest);
};

import type { AzureAccount } from '../../../src/azure/AzureAccount';
import type { ArmServices, GalleryService, Page, PagedCallOptions, SubscriptionInfo, TenantInfo } from '../../../src/azure/services';
import type { TreeContext } from '../../../src/tree/TreeContext';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { VersionWatcher } from '../../../src/tree/VersionWatcher';
import type { CreatingChild } from '../../../src/tree/CreatingNode';
import { SharingMemory } from '../../../src/tree/SharingMemory';
import type { Memento } from 'vscode';

export const SUB = '11111111-0000-4000-8000-000000000001';
export const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';

export interface RecordingLog {
  readonly lines: string[];
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  trace(message: string): void;
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  const add = (level: string) => (message: string): void => {
    lines.push(`${level}: ${message}`);
  };
  return { lines, error: add('error'), warn: add('warn'), info: add('info'), debug: add('debug'), trace: add('trace') };
}

/** A promise settled from outside: lets a test hold a request in flight while it refreshes. */
export class Deferred<T> {
  resolve!: (value: T) => void;
  reject!: (err: unknown) => void;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

/** Answers one page; `parent` is the ARM id of the gallery or definition listed (when there is one). */
export type ListAnswer<T> = (options: PagedCallOptions | undefined, parent?: string) => Promise<Page<T>>;

/** The Azure layer as the tree sees it; each list is answered by the function a test puts there. */
export class FakeAzure {
  tenants: () => Promise<TenantInfo[]> = () => Promise.resolve([]);
  subscriptions: (tenantId: string | undefined) => Promise<SubscriptionInfo[]> = () => Promise.resolve([]);
  galleries: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  definitions: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  versions: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  managedImages: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  /** VM applications of a gallery, and versions of an application. */
  applications: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  applicationVersions: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  getApplicationVersion: (id: string) => Promise<unknown> = () => Promise.reject(new Error('getApplicationVersion not faked'));
  getVersion: (id: string) => Promise<unknown> = () => Promise.reject(new Error('getImageVersion not faked'));
  /** getGallery; by default a gallery without soft delete. */
  gallery: (id: string) => Promise<unknown> = () => Promise.resolve({ name: 'gal', location: 'westeurope' });
  /** listSoftDeletedVersions of a definition. */
  softDeleted: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  /** restoreImageVersion; the signal is the one the command passed. */
  restore: (id: string, signal: AbortSignal | undefined) => Promise<unknown> = () => Promise.resolve({});
  /** Answers a delete (any kind); the signal is the one the command passed. */
  delete: (id: string, signal: AbortSignal | undefined) => Promise<void> = () => Promise.resolve();
  getDefinition: (id: string) => Promise<unknown> = () => Promise.reject(new Error('getImageDefinition not faked'));
  getResourceJson: (id: string) => Promise<unknown> = () => Promise.reject(new Error('getResourceJson not faked'));
  /** getGalleryWithSharing ($expand=SharingProfile/Groups). */
  galleryWithSharing: (id: string) => Promise<unknown> = () => Promise.reject(new Error('getGalleryWithSharing not faked'));
  /** Sharing (issue 13): `sharedGalleries(location, sharedTo)` answers one region's list. */
  sharedGalleries: (location: string, sharedTo: string, options: PagedCallOptions | undefined) => Promise<Page<unknown>> = () => Promise.resolve({ items: [], continuationToken: undefined });
  /** Images and versions of a shared or community gallery; `parent` is "shared location name[/image]" or "community …". */
  sharedImages: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  sharedVersions: ListAnswer<unknown> = () => Promise.resolve({ items: [], continuationToken: undefined });
  communityGallery: (location: string, publicName: string) => Promise<unknown> = () => Promise.reject(new Error('getCommunityGallery not faked'));
  /** getShared… / getCommunity… of one item, by "kind location name[/image[/version]]". */
  sharedItem: (what: string) => Promise<unknown> = () => Promise.reject(new Error('shared get not faked'));
  resourceGroups: () => Promise<unknown[]> = () => Promise.resolve([]);
  locations: () => Promise<unknown[]> = () => Promise.resolve([]);
  /** Accept / reject of an invite: `action` is "accept" or "reject". */
  invite: (action: string, invite: unknown, signal: AbortSignal | undefined) => Promise<void> = () => Promise.resolve();
  readonly calls: string[] = [];
  /** "subscription tenant" of every galleryService() asked for. */
  readonly servicesFor: string[] = [];

  services(): ArmServices {
    const service = {
      subscriptionId: SUB,
      getImageDefinition: (id: { id: string }) => (this.calls.push(`getImageDefinition ${id.id}`), this.getDefinition(id.id)),
      getResourceJson: (id: { id: string }) => (this.calls.push(`getResourceJson ${id.id}`), this.getResourceJson(id.id)),
      listGalleries: (o?: PagedCallOptions) => (this.calls.push('galleries'), this.galleries(o)),
      listImageDefinitions: (g: { id: string }, o?: PagedCallOptions) => (this.calls.push('definitions'), this.definitions(o, g.id)),
      listImageVersions: (d: { id: string }, o?: PagedCallOptions) => (this.calls.push('versions'), this.versions(o, d.id)),
      listManagedImages: (o?: PagedCallOptions) => (this.calls.push('managedImages'), this.managedImages(o)),
      getImageVersion: (id: { id: string }) => (this.calls.push(`get ${id.id}`), this.getVersion(id.id)),
      listApplications: (g: { id: string }, o?: PagedCallOptions) => (this.calls.push('applications'), this.applications(o, g.id)),
      listApplicationVersions: (a: { id: string }, o?: PagedCallOptions) => (this.calls.push('applicationVersions'), this.applicationVersions(o, a.id)),
      getApplicationVersion: (id: { id: string }) => (this.calls.push(`getApplicationVersion ${id.id}`), this.getApplicationVersion(id.id)),
      getGallery: (id: { id: string }) => (this.calls.push(`getGallery ${id.id}`), this.gallery(id.id)),
      getGalleryWithSharing: (id: { id: string }) => (this.calls.push(`getGalleryWithSharing ${id.id}`), this.galleryWithSharing(id.id)),
      listSoftDeletedVersions: (d: { id: string }, o?: PagedCallOptions) => (this.calls.push('softDeleted'), this.softDeleted(o, d.id)),
      restoreImageVersion: (id: { id: string }, o?: { signal?: AbortSignal }) => (this.calls.push(`restoreImageVersion ${id.id}`), this.restore(id.id, o?.signal)),
      listSharedGalleries: (location: string, sharedTo: string, o?: PagedCallOptions) => (this.calls.push(`sharedGalleries ${location} ${sharedTo}`), this.sharedGalleries(location, sharedTo, o)),
      listSharedImages: (g: { location: string; galleryUniqueName: string }, sharedTo: string, o?: PagedCallOptions) => (
        this.calls.push(`sharedImages ${g.location} ${g.galleryUniqueName} ${sharedTo}`), this.sharedImages(o, `shared ${g.location} ${g.galleryUniqueName}`)
      ),
      listSharedImageVersions: (g: { location: string; galleryUniqueName: string }, image: string, sharedTo: string, o?: PagedCallOptions) => (
        this.calls.push(`sharedVersions ${g.location} ${g.galleryUniqueName}/${image} ${sharedTo}`), this.sharedVersions(o, `shared ${g.location} ${g.galleryUniqueName}/${image}`)
      ),
      getCommunityGallery: (g: { location: string; publicGalleryName: string }) => (this.calls.push(`communityGallery ${g.location} ${g.publicGalleryName}`), this.communityGallery(g.location, g.publicGalleryName)),
      listCommunityImages: (g: { location: string; publicGalleryName: string }, o?: PagedCallOptions) => (
        this.calls.push(`communityImages ${g.location} ${g.publicGalleryName}`), this.sharedImages(o, `community ${g.location} ${g.publicGalleryName}`)
      ),
      listCommunityImageVersions: (g: { location: string; publicGalleryName: string }, image: string, o?: PagedCallOptions) => (
        this.calls.push(`communityVersions ${g.location} ${g.publicGalleryName}/${image}`), this.sharedVersions(o, `community ${g.location} ${g.publicGalleryName}/${image}`)
      ),
      getSharedGallery: (g: { location: string; galleryUniqueName: string }) => this.sharedItem(`shared ${g.location} ${g.galleryUniqueName}`),
      getSharedImage: (g: { location: string; galleryUniqueName: string }, i: string) => this.sharedItem(`shared ${g.location} ${g.galleryUniqueName}/${i}`),
      getSharedImageVersion: (g: { location: string; galleryUniqueName: string }, i: string, v: string) => this.sharedItem(`shared ${g.location} ${g.galleryUniqueName}/${i}/${v}`),
      getCommunityImage: (g: { location: string; publicGalleryName: string }, i: string) => this.sharedItem(`community ${g.location} ${g.publicGalleryName}/${i}`),
      getCommunityImageVersion: (g: { location: string; publicGalleryName: string }, i: string, v: string) => this.sharedItem(`community ${g.location} ${g.publicGalleryName}/${i}/${v}`),
      listResourceGroups: () => (this.calls.push('resourceGroups'), this.resourceGroups()),
      listLocations: () => (this.calls.push('locations'), this.locations()),
      acceptSharedGallery: (invite: unknown, o?: { signal?: AbortSignal }) => (this.calls.push('accept'), this.invite('accept', invite, o?.signal)),
      rejectSharedGallery: (invite: unknown, o?: { signal?: AbortSignal }) => (this.calls.push('reject'), this.invite('reject', invite, o?.signal)),
      updateSharingProfile: (g: { id: string }, update: unknown) => (this.calls.push(`share ${g.id} ${JSON.stringify(update)}`), Promise.resolve({})),
      ...Object.fromEntries(
        ['deleteGallery', 'deleteImageDefinition', 'deleteImageVersion', 'deleteManagedImage', 'deleteApplication', 'deleteApplicationVersion'].map((name) => [
          name,
          (id: { id: string }, o?: { signal?: AbortSignal }) => (this.calls.push(`${name} ${id.id}`), this.delete(id.id, o?.signal)),
        ]),
      ),
    } as unknown as GalleryService;
    return {
      cloud: undefined as never,
      listTenants: () => this.tenants(),
      listSubscriptions: (tenantId: string | undefined) => this.subscriptions(tenantId),
      galleryService: (subscriptionId: string, tenantId: string | undefined) => (this.servicesFor.push(`${subscriptionId} ${tenantId ?? '(home tenant)'}`), service),
    };
  }

  account(): AzureAccount {
    const services = this.services();
    return { services: () => Promise.resolve(services) } as unknown as AzureAccount;
  }
}

/** An in-memory Memento (global state) and the SharingMemory over it, with `setting` as the user's regions setting. */
export function testSharing(setting: { value: unknown } = { value: undefined }): { memory: SharingMemory; state: Map<string, unknown>; setting: { value: unknown } } {
  const state = new Map<string, unknown>();
  const memento = {
    get: <T>(key: string): T | undefined => state.get(key) as T | undefined,
    update: (key: string, value: unknown): Promise<void> => (state.set(key, JSON.parse(JSON.stringify(value)) as unknown), Promise.resolve()),
  } as Pick<Memento, 'get' | 'update'>;
  return { memory: new SharingMemory(memento, () => setting.value), state, setting };
}

export interface TestContext extends TreeContext {
  readonly log: RecordingLog & TreeContext['log'];
  readonly refreshed: Array<TreeNode | undefined>;
  readonly creatingMap: Map<string, CreatingChild[]>;
}

/** A TreeContext for nodes outside VS Code: the fake Azure layer, a recording log, no version watching. */
export function testContext(azure: FakeAzure, sharing?: SharingMemory): TestContext {
  const noop = (): void => undefined;
  const refreshed: Array<TreeNode | undefined> = [];
  const creatingMap = new Map<string, CreatingChild[]>();
  return {
    account: azure.account(),
    log: recordingLog() as RecordingLog & TreeContext['log'],
    refresh: (node?: TreeNode) => void refreshed.push(node),
    refreshed,
    pending: new Map<string, string>(),
    versions: { current: (): undefined => undefined, watch: noop, record: noop, stoppedReason: (): undefined => undefined } as unknown as VersionWatcher,
    registerVersionNode: noop,
    creating: creatingMap,
    creatingMap,
    ...(sharing ? { sharing } : {}),
  };
}

export function page<T>(items: T[], continuationToken?: string): Promise<Page<T>> {
  return Promise.resolve({ items, continuationToken });
}

/** Lets pending promise callbacks run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export const ids = (nodes: readonly TreeNode[]): string[] => nodes.map((n) => n.id);
export const labels = (nodes: readonly TreeNode[]): string[] =>
  nodes.map((n) => {
    const label = n.getTreeItem().label;
    return typeof label === 'string' ? label : (label?.label ?? '');
  });
