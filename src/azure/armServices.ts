/**
 * The Azure layer over `@azure/arm-compute`. This file is the entry of a separate, lazily loaded
 * bundle (dist/azure.js): nothing here is loaded until the tree first needs Azure.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import * as l10n from '@vscode/l10n';
import { ComputeManagementClient } from '@azure/arm-compute';
import type {
  Disk,
  DiskEncryptionSet,
  Gallery,
  GalleryApplication,
  GalleryApplicationVersion,
  GalleryImage,
  GalleryImageVersion,
  GallerySoftDeletedResource,
  Image,
  Snapshot,
  VirtualMachine,
} from '@azure/arm-compute';
import type {
  CommunityGallery,
  CommunityGalleryImage,
  CommunityGalleryImageVersion,
  SharedGallery,
  SharedGalleryImage,
  SharedGalleryImageVersion,
  SharingUpdate,
} from '@azure/arm-compute';
import { getClient } from '@azure-rest/core-client';
import type { Client } from '@azure-rest/core-client';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';
import type {
  ArmRequestBody,
  ArmServices,
  ArmServicesOptions,
  CallOptions,
  CreateCallOptions,
  CommunityGalleryRef,
  GalleryService,
  LocationInfo,
  Page,
  PagedCallOptions,
  ResourceGroupInfo,
  SharedGalleryInviteRef,
  SharedGalleryRef,
  StorageAccountInfo,
  SubscriptionInfo,
  TenantInfo,
} from './services';
import type { ApplicationId, ApplicationVersionId, ComputeResourceId, GalleryId, ImageDefinitionId, ImageVersionId, ManagedImageId } from './armId';
import { redactSecrets } from './armError';
import { normalizeSharingUpdate, sharingUpdateProblems, type SharedTo, type SharingUpdateInput } from '../domain/sharing';

/** api-version of ARM's tenants, subscriptions and locations operations (Microsoft.Resources). */
const RESOURCES_API_VERSION = '2022-12-01';
/** api-version of resource groups (Microsoft.Resources/resourceGroups). */
const RESOURCE_GROUPS_API_VERSION = '2022-09-01';
/** api-version of Microsoft.Storage/storageAccounts (listed for the VHD source picker). */
const STORAGE_API_VERSION = '2023-05-01';

/** Carries the caller's AbortSignal to every HTTP request of one call, continuation pages included. */
const callSignal = new AsyncLocalStorage<AbortSignal | undefined>();

const abortSignalPolicy: PipelinePolicy = {
  name: 'acgAbortSignal',
  sendRequest(request, next) {
    const signal = callSignal.getStore();
    if (signal && !request.abortSignal) {
      request.abortSignal = signal;
    }
    return next(request);
  },
};

function loggingPolicy(log: (line: string) => void): PipelinePolicy {
  return {
    name: 'acgRequestLog',
    async sendRequest(request, next) {
      const started = Date.now();
      const target = redactSecrets(request.url);
      try {
        const response = await next(request);
        const requestId = response.headers.get('x-ms-request-id');
        log(`${request.method} ${target} → ${response.status} (${Date.now() - started} ms)${requestId ? ` [${requestId}]` : ''}`);
        return response;
      } catch (err) {
        const code = typeof err === 'object' && err !== null && 'code' in err ? String((err).code) : 'error';
        log(`${request.method} ${target} → ${code} (${Date.now() - started} ms)`);
        throw err;
      }
    },
  };
}

/**
 * Issue 9: the SDK attaches the bearer token to whatever https URL it is handed (a nextLink, an
 * Azure-AsyncOperation or Location header). This policy refuses, before anything is sent, every
 * request whose origin is not the cloud's ARM origin. It is added "perRetry", which core-rest-pipeline
 * orders after the Sign phase and after the bearer-token, retry and redirect policies: it sees each
 * request exactly as it goes on the wire (first try, retries, redirects, page and poll links), and
 * since it throws instead of calling `next`, the Authorization header the bearer policy set never
 * leaves the process. (tokenHosts.test.ts proves no request reaches another origin.)
 */
function armHostPolicy(resourceManagerEndpointUrl: string): PipelinePolicy {
  const allowed = new URL(resourceManagerEndpointUrl).origin;
  return {
    name: 'acgArmHostOnly',
    sendRequest(request, next) {
      let origin: string;
      try {
        origin = new URL(request.url).origin;
      } catch {
        origin = request.url;
      }
      if (origin !== allowed) {
        const message = l10n.t(
          'Refused to send a request to {0}: it is not the Azure Resource Manager of your cloud ({1}), so your Azure sign-in token was not sent. Azure, or something between you and Azure, handed out this address as a next-page or operation-status link.',
          redactSecrets(origin),
          allowed,
        );
        return Promise.reject(Object.assign(new Error(message), { name: 'UntrustedHostError', code: 'UntrustedHost' }));
      }
      return next(request);
    },
  };
}

function withSignal<T>(options: CallOptions | undefined, work: () => Promise<T>): Promise<T> {
  options?.signal?.throwIfAborted();
  return callSignal.run(options?.signal, work);
}

interface ContinuablePageLike<T> extends Array<T> {
  continuationToken?: string;
}
interface Pageable<T> {
  byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<ContinuablePageLike<T>>;
}

/** Fetches exactly one page (one HTTP request) of an SDK list. */
async function onePage<T>(list: Pageable<T>, options: PagedCallOptions | undefined): Promise<Page<T>> {
  return withSignal(options, async () => {
    const settings = options?.continuationToken ? { continuationToken: options.continuationToken } : undefined;
    const pages = list.byPage(settings);
    const first = await pages.next();
    if (first.done) {
      return { items: [], continuationToken: undefined };
    }
    const items = [...first.value];
    return { items, continuationToken: first.value.continuationToken || undefined };
  });
}

interface PollerLikePromise<T> extends PromiseLike<T> {
  pollUntilDone?(): Promise<T>;
  /** Resolves once the first request has been answered (core-lro's PollerLike). */
  submitted?(): Promise<void>;
}

/** ARM REST calls outside the compute SDK (resource groups, locations, storage accounts), in one tenant. */
interface ResourcesApi {
  listAll<T>(path: string, apiVersion: string, options?: CallOptions): Promise<T[]>;
  put<T>(path: string, apiVersion: string, body: unknown, options?: CallOptions): Promise<T>;
  /** The resource, or undefined when ARM answers 404. */
  get<T>(path: string, apiVersion: string, options?: CallOptions): Promise<T | undefined>;
}

/** Follows every page of an SDK list. */
async function allPages<T>(list: Pageable<T>, options: CallOptions | undefined): Promise<T[]> {
  return withSignal(options, async () => {
    const items: T[] = [];
    for await (const page of list.byPage()) {
      items.push(...page);
    }
    return items;
  });
}

/**
 * The SDK model of a REST body: the SDK's models are ARM's JSON with `properties` flattened and
 * date-times as Date; its serializer turns them back into exactly this body. (The integration test
 * forms.test.ts checks that what a form shows is what ARM receives.)
 */
function sdkModel<T>(body: ArmRequestBody, datePaths: ReadonlyArray<readonly string[]> = []): T {
  const model: Record<string, unknown> = structuredClone({ ...(body.properties ?? {}) });
  if (body.location !== undefined) {
    model.location = body.location;
  }
  if (body.tags !== undefined) {
    model.tags = { ...body.tags };
  }
  for (const path of datePaths) {
    let parent: unknown = model;
    for (const key of path.slice(0, -1)) {
      parent = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
    }
    const last = path[path.length - 1];
    if (typeof parent === 'object' && parent !== null && typeof (parent as Record<string, unknown>)[last] === 'string') {
      (parent as Record<string, unknown>)[last] = new Date((parent as Record<string, unknown>)[last] as string);
    }
  }
  return model as T;
}

/** Whether a publishing profile names its package (`source.mediaLink`), which the SDK's serializer needs. */
function hasMediaLink(publishingProfile: unknown): boolean {
  if (typeof publishingProfile !== 'object' || publishingProfile === null) {
    return false;
  }
  const source = (publishingProfile as { source?: unknown }).source;
  return typeof source === 'object' && source !== null && typeof (source as { mediaLink?: unknown }).mediaLink === 'string';
}

const DEFINITION_DATES = [['endOfLifeDate']] as const;
const VERSION_DATES = [['publishingProfile', 'endOfLifeDate']] as const;
/** VM applications carry the same end-of-life dates as image definitions and versions. */
const APPLICATION_DATES = DEFINITION_DATES;
const APPLICATION_VERSION_DATES = VERSION_DATES;

interface RawResourceGroup {
  id?: string;
  name?: string;
  location?: string;
}
interface RawLocation {
  name?: string;
  displayName?: string;
  metadata?: { regionType?: string };
}

class ArmGalleryService implements GalleryService {
  constructor(
    readonly subscriptionId: string,
    private readonly client: ComputeManagementClient,
    private readonly pollIntervalMs: number | undefined,
    private readonly resources: ResourcesApi,
  ) {}

  private lroOptions(options: CallOptions | undefined): { abortSignal?: AbortSignal; updateIntervalInMs?: number } {
    return {
      ...(options?.signal ? { abortSignal: options.signal } : {}),
      ...(this.pollIntervalMs !== undefined ? { updateIntervalInMs: this.pollIntervalMs } : {}),
    };
  }

  private async wait<T>(options: CreateCallOptions | undefined, start: () => PollerLikePromise<T>): Promise<T> {
    return withSignal(options, async () => {
      const poller = start();
      const onAccepted = options?.onAccepted;
      if (onAccepted && poller.submitted) {
        // A refused request rejects here with the error the await below throws to the caller: it is reported there, once.
        poller.submitted().then(onAccepted, () => undefined);
      }
      return await poller;
    });
  }

  listGalleries(options?: PagedCallOptions): Promise<Page<Gallery>> {
    return onePage(this.client.galleries.list({ abortSignal: options?.signal }), options);
  }

  listImageDefinitions(gallery: GalleryId, options?: PagedCallOptions): Promise<Page<GalleryImage>> {
    return onePage(
      this.client.galleryImages.listByGallery(gallery.resourceGroup, gallery.gallery, { abortSignal: options?.signal }),
      options,
    );
  }

  listImageVersions(definition: ImageDefinitionId, options?: PagedCallOptions): Promise<Page<GalleryImageVersion>> {
    return onePage(
      this.client.galleryImageVersions.listByGalleryImage(definition.resourceGroup, definition.gallery, definition.imageDefinition, {
        abortSignal: options?.signal,
      }),
      options,
    );
  }

  listManagedImages(options?: PagedCallOptions): Promise<Page<Image>> {
    return onePage(this.client.images.list({ abortSignal: options?.signal }), options);
  }

  listSoftDeletedVersions(definition: ImageDefinitionId, options?: PagedCallOptions): Promise<Page<GallerySoftDeletedResource>> {
    return onePage(
      this.client.softDeletedResource.listByArtifactName(definition.resourceGroup, definition.gallery, 'images', definition.imageDefinition, {
        abortSignal: options?.signal,
      }),
      options,
    );
  }

  listApplications(gallery: GalleryId, options?: PagedCallOptions): Promise<Page<GalleryApplication>> {
    return onePage(this.client.galleryApplications.listByGallery(gallery.resourceGroup, gallery.gallery, { abortSignal: options?.signal }), options);
  }

  listApplicationVersions(application: ApplicationId, options?: PagedCallOptions): Promise<Page<GalleryApplicationVersion>> {
    return onePage(
      this.client.galleryApplicationVersions.listByGalleryApplication(application.resourceGroup, application.gallery, application.application, {
        abortSignal: options?.signal,
      }),
      options,
    );
  }

  getGallery(id: GalleryId, options?: CallOptions): Promise<Gallery> {
    return withSignal(options, () => this.client.galleries.get(id.resourceGroup, id.gallery, { abortSignal: options?.signal }));
  }

  getImageDefinition(id: ImageDefinitionId, options?: CallOptions): Promise<GalleryImage> {
    return withSignal(options, () =>
      this.client.galleryImages.get(id.resourceGroup, id.gallery, id.imageDefinition, { abortSignal: options?.signal }),
    );
  }

  getImageVersion(id: ImageVersionId, options?: CallOptions): Promise<GalleryImageVersion> {
    return withSignal(options, () =>
      this.client.galleryImageVersions.get(id.resourceGroup, id.gallery, id.imageDefinition, id.version, {
        expand: 'ReplicationStatus',
        abortSignal: options?.signal,
      }),
    );
  }

  getManagedImage(id: ManagedImageId, options?: CallOptions): Promise<Image> {
    return withSignal(options, () => this.client.images.get(id.resourceGroup, id.image, { abortSignal: options?.signal }));
  }

  getApplication(id: ApplicationId, options?: CallOptions): Promise<GalleryApplication> {
    return withSignal(options, () =>
      this.client.galleryApplications.get(id.resourceGroup, id.gallery, id.application, { abortSignal: options?.signal }),
    );
  }

  getApplicationVersion(id: ApplicationVersionId, options?: CallOptions): Promise<GalleryApplicationVersion> {
    return withSignal(options, () =>
      this.client.galleryApplicationVersions.get(id.resourceGroup, id.gallery, id.application, id.version, {
        expand: 'ReplicationStatus',
        abortSignal: options?.signal,
      }),
    );
  }

  async getResourceJson(id: ComputeResourceId, options?: CallOptions): Promise<Record<string, unknown>> {
    let raw: unknown;
    const captured = { abortSignal: options?.signal, onResponse: (r: { parsedBody?: unknown; bodyAsText?: string | null }): void => {
        raw = r.parsedBody ?? (r.bodyAsText ? (JSON.parse(r.bodyAsText) as unknown) : undefined);
      },
    };
    await withSignal(options, async () => {
      switch (id.kind) {
        case 'gallery':
          // With the subscriptions and tenants it is shared with (issue 13: Properties lists them).
          return this.client.galleries.get(id.resourceGroup, id.gallery, { ...captured, expand: 'SharingProfile/Groups' });
        case 'imageDefinition':
          return this.client.galleryImages.get(id.resourceGroup, id.gallery, id.imageDefinition, captured);
        case 'imageVersion':
          return this.client.galleryImageVersions.get(id.resourceGroup, id.gallery, id.imageDefinition, id.version, { ...captured, expand: 'ReplicationStatus' });
        case 'application':
          return this.client.galleryApplications.get(id.resourceGroup, id.gallery, id.application, captured);
        case 'applicationVersion':
          return this.client.galleryApplicationVersions.get(id.resourceGroup, id.gallery, id.application, id.version, { ...captured, expand: 'ReplicationStatus' });
        case 'managedImage':
          return this.client.images.get(id.resourceGroup, id.image, captured);
      }
    });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw Object.assign(new Error(l10n.t('Azure sent an unreadable body for {0}.', id.id)), { code: 'PARSE_ERROR' });
    }
    return raw as Record<string, unknown>;
  }

  deleteGallery(id: GalleryId, options?: CallOptions): Promise<void> {
    return this.wait(options, () => this.client.galleries.delete(id.resourceGroup, id.gallery, this.lroOptions(options)));
  }

  deleteImageDefinition(id: ImageDefinitionId, options?: CallOptions): Promise<void> {
    return this.wait(options, () =>
      this.client.galleryImages.delete(id.resourceGroup, id.gallery, id.imageDefinition, this.lroOptions(options)),
    );
  }

  deleteImageVersion(id: ImageVersionId, options?: CallOptions): Promise<void> {
    return this.wait(options, () =>
      this.client.galleryImageVersions.delete(id.resourceGroup, id.gallery, id.imageDefinition, id.version, this.lroOptions(options)),
    );
  }

  deleteManagedImage(id: ManagedImageId, options?: CallOptions): Promise<void> {
    return this.wait(options, () => this.client.images.delete(id.resourceGroup, id.image, this.lroOptions(options)));
  }

  deleteApplication(id: ApplicationId, options?: CallOptions): Promise<void> {
    return this.wait(options, () => this.client.galleryApplications.delete(id.resourceGroup, id.gallery, id.application, this.lroOptions(options)));
  }

  deleteApplicationVersion(id: ApplicationVersionId, options?: CallOptions): Promise<void> {
    return this.wait(options, () =>
      this.client.galleryApplicationVersions.delete(id.resourceGroup, id.gallery, id.application, id.version, this.lroOptions(options)),
    );
  }

  createOrUpdateGallery(id: GalleryId, body: ArmRequestBody, options?: CreateCallOptions): Promise<Gallery> {
    return this.wait(options, () => this.client.galleries.createOrUpdate(id.resourceGroup, id.gallery, sdkModel(body), this.lroOptions(options)));
  }

  updateGallery(id: GalleryId, body: ArmRequestBody, options?: CallOptions): Promise<Gallery> {
    return this.wait(options, () => this.client.galleries.update(id.resourceGroup, id.gallery, sdkModel(body), this.lroOptions(options)));
  }

  createOrUpdateImageDefinition(id: ImageDefinitionId, body: ArmRequestBody, options?: CreateCallOptions): Promise<GalleryImage> {
    return this.wait(options, () =>
      this.client.galleryImages.createOrUpdate(id.resourceGroup, id.gallery, id.imageDefinition, sdkModel(body, DEFINITION_DATES), this.lroOptions(options)),
    );
  }

  updateImageDefinition(id: ImageDefinitionId, body: ArmRequestBody, options?: CallOptions): Promise<GalleryImage> {
    return this.wait(options, () =>
      this.client.galleryImages.update(id.resourceGroup, id.gallery, id.imageDefinition, sdkModel(body, DEFINITION_DATES), this.lroOptions(options)),
    );
  }

  createOrUpdateImageVersion(id: ImageVersionId, body: ArmRequestBody, options?: CreateCallOptions): Promise<GalleryImageVersion> {
    return this.wait(options, () =>
      this.client.galleryImageVersions.createOrUpdate(id.resourceGroup, id.gallery, id.imageDefinition, id.version, sdkModel(body, VERSION_DATES), this.lroOptions(options)),
    );
  }

  updateImageVersion(id: ImageVersionId, body: ArmRequestBody, options?: CallOptions): Promise<GalleryImageVersion> {
    return this.wait(options, () =>
      this.client.galleryImageVersions.update(id.resourceGroup, id.gallery, id.imageDefinition, id.version, sdkModel(body, VERSION_DATES), this.lroOptions(options)),
    );
  }

  restoreImageVersion(id: ImageVersionId, options?: CallOptions): Promise<GalleryImageVersion> {
    return this.updateImageVersion(id, { properties: { restore: true, storageProfile: {} } }, options);
  }

  createOrUpdateApplication(id: ApplicationId, body: ArmRequestBody, options?: CreateCallOptions): Promise<GalleryApplication> {
    return this.wait(options, () =>
      this.client.galleryApplications.createOrUpdate(id.resourceGroup, id.gallery, id.application, sdkModel(body, APPLICATION_DATES), this.lroOptions(options)),
    );
  }

  updateApplication(id: ApplicationId, body: ArmRequestBody, options?: CallOptions): Promise<GalleryApplication> {
    return this.wait(options, () =>
      this.client.galleryApplications.update(id.resourceGroup, id.gallery, id.application, sdkModel(body, APPLICATION_DATES), this.lroOptions(options)),
    );
  }

  createOrUpdateApplicationVersion(id: ApplicationVersionId, body: ArmRequestBody, options?: CreateCallOptions): Promise<GalleryApplicationVersion> {
    return this.wait(options, () =>
      this.client.galleryApplicationVersions.createOrUpdate(
        id.resourceGroup,
        id.gallery,
        id.application,
        id.version,
        sdkModel(body, APPLICATION_VERSION_DATES),
        this.lroOptions(options),
      ),
    );
  }

  updateApplicationVersion(id: ApplicationVersionId, body: ArmRequestBody, options?: CallOptions): Promise<GalleryApplicationVersion> {
    const publishingProfile = body.properties?.publishingProfile;
    if (publishingProfile !== undefined && !hasMediaLink(publishingProfile)) {
      // The SDK's serializer reads publishingProfile.source.mediaLink unconditionally (its model marks `source`
      // required) and would fail with a TypeError before sending anything.
      return Promise.reject(
        new Error(
          l10n.t(
            'The update of VM application version {0} changes its publishing profile, so it must also name the package (publishingProfile.source.mediaLink). Nothing was sent to Azure.',
            id.version,
          ),
        ),
      );
    }
    return this.wait(options, () =>
      this.client.galleryApplicationVersions.update(
        id.resourceGroup,
        id.gallery,
        id.application,
        id.version,
        sdkModel(body, APPLICATION_VERSION_DATES),
        this.lroOptions(options),
      ),
    );
  }

  createOrUpdateManagedImage(id: ManagedImageId, body: ArmRequestBody, options?: CreateCallOptions): Promise<Image> {
    return this.wait(options, () => this.client.images.createOrUpdate(id.resourceGroup, id.image, sdkModel(body), this.lroOptions(options)));
  }

  updateManagedImage(id: ManagedImageId, body: ArmRequestBody, options?: CallOptions): Promise<Image> {
    return this.wait(options, () => this.client.images.update(id.resourceGroup, id.image, sdkModel(body), this.lroOptions(options)));
  }

  async listResourceGroups(options?: CallOptions): Promise<ResourceGroupInfo[]> {
    const raw = await this.resources.listAll<RawResourceGroup>(`/subscriptions/${encodeURIComponent(this.subscriptionId)}/resourcegroups`, RESOURCE_GROUPS_API_VERSION, options);
    return raw
      .filter((g): g is RawResourceGroup & { id: string; name: string } => typeof g.id === 'string' && typeof g.name === 'string')
      .map((g) => ({ id: g.id, name: g.name, location: g.location ?? '' }));
  }

  async createResourceGroup(name: string, location: string, options?: CallOptions): Promise<ResourceGroupInfo> {
    const path = `/subscriptions/${encodeURIComponent(this.subscriptionId)}/resourcegroups/${encodeURIComponent(name)}`;
    const raw = await this.resources.put<RawResourceGroup>(path, RESOURCE_GROUPS_API_VERSION, { location }, options);
    return { id: raw.id ?? path, name: raw.name ?? name, location: raw.location ?? location };
  }

  async getResourceGroup(name: string, options?: CallOptions): Promise<ResourceGroupInfo | undefined> {
    const path = `/subscriptions/${encodeURIComponent(this.subscriptionId)}/resourcegroups/${encodeURIComponent(name)}`;
    const raw = await this.resources.get<RawResourceGroup>(path, RESOURCE_GROUPS_API_VERSION, options);
    return raw ? { id: raw.id ?? path, name: raw.name ?? name, location: raw.location ?? '' } : undefined;
  }

  async listLocations(options?: CallOptions): Promise<LocationInfo[]> {
    const raw = await this.resources.listAll<RawLocation>(`/subscriptions/${encodeURIComponent(this.subscriptionId)}/locations`, RESOURCES_API_VERSION, options);
    return raw
      .filter((l): l is RawLocation & { name: string } => typeof l.name === 'string' && l.metadata?.regionType !== 'Logical')
      .map((l) => ({ name: l.name, displayName: l.displayName ?? l.name }));
  }

  listVirtualMachines(options?: CallOptions): Promise<VirtualMachine[]> {
    return allPages(this.client.virtualMachines.listAll({ abortSignal: options?.signal }), options);
  }

  listDisks(options?: CallOptions): Promise<Disk[]> {
    return allPages(this.client.disks.list({ abortSignal: options?.signal }), options);
  }

  listSnapshots(options?: CallOptions): Promise<Snapshot[]> {
    return allPages(this.client.snapshots.list({ abortSignal: options?.signal }), options);
  }

  listDiskEncryptionSets(options?: CallOptions): Promise<DiskEncryptionSet[]> {
    return allPages(this.client.diskEncryptionSets.list({ abortSignal: options?.signal }), options);
  }

  async listStorageAccounts(options?: CallOptions): Promise<StorageAccountInfo[]> {
    const raw = await this.resources.listAll<RawResourceGroup>(
      `/subscriptions/${encodeURIComponent(this.subscriptionId)}/providers/Microsoft.Storage/storageAccounts`,
      STORAGE_API_VERSION,
      options,
    );
    return raw
      .filter((a): a is RawResourceGroup & { id: string; name: string } => typeof a.id === 'string' && typeof a.name === 'string')
      .map((a) => ({ id: a.id, name: a.name, location: a.location ?? '' }));
  }

  // ---- Sharing (issue 13) ----

  getGalleryWithSharing(id: GalleryId, options?: CallOptions): Promise<Gallery> {
    return withSignal(options, () =>
      this.client.galleries.get(id.resourceGroup, id.gallery, { expand: 'SharingProfile/Groups', abortSignal: options?.signal }),
    );
  }

  updateSharingProfile(gallery: GalleryId, update: SharingUpdateInput, options?: CallOptions): Promise<SharingUpdate> {
    const problems = sharingUpdateProblems(update);
    if (problems.length > 0) {
      // nothing is sent: the caller shows this message as it is
      return Promise.reject(
        Object.assign(new Error(l10n.t('The sharing of gallery {0} was not changed: {1}', gallery.gallery, problems.join(' '))), {
          name: 'InvalidSharingUpdate',
          code: 'InvalidSharingUpdate',
        }),
      );
    }
    const body = normalizeSharingUpdate(update);
    const sharingUpdate: SharingUpdate = {
      operationType: body.operationType,
      ...(body.groups ? { groups: body.groups.map((g) => ({ type: g.type, ids: [...g.ids] })) } : {}),
    };
    return this.wait(options, () =>
      this.client.gallerySharingProfile.update(gallery.resourceGroup, gallery.gallery, sharingUpdate, this.lroOptions(options)),
    );
  }

  async enableCommunity(gallery: GalleryId, options?: CallOptions): Promise<Gallery> {
    await this.updateSharingProfile(gallery, { operationType: 'EnableCommunity' }, options);
    return this.getGalleryWithSharing(gallery, options);
  }

  listSharedGalleries(location: string, sharedTo: SharedTo, options?: PagedCallOptions): Promise<Page<SharedGallery>> {
    return onePage(this.client.sharedGalleries.list(location, { ...sharedToOption(sharedTo), abortSignal: options?.signal }), options);
  }

  getSharedGallery(gallery: SharedGalleryRef, options?: CallOptions): Promise<SharedGallery> {
    return withSignal(options, () => this.client.sharedGalleries.get(gallery.location, gallery.galleryUniqueName, { abortSignal: options?.signal }));
  }

  listSharedImages(gallery: SharedGalleryRef, sharedTo: SharedTo, options?: PagedCallOptions): Promise<Page<SharedGalleryImage>> {
    return onePage(
      this.client.sharedGalleryImages.list(gallery.location, gallery.galleryUniqueName, { ...sharedToOption(sharedTo), abortSignal: options?.signal }),
      options,
    );
  }

  getSharedImage(gallery: SharedGalleryRef, image: string, options?: CallOptions): Promise<SharedGalleryImage> {
    return withSignal(options, () =>
      this.client.sharedGalleryImages.get(gallery.location, gallery.galleryUniqueName, image, { abortSignal: options?.signal }),
    );
  }

  listSharedImageVersions(gallery: SharedGalleryRef, image: string, sharedTo: SharedTo, options?: PagedCallOptions): Promise<Page<SharedGalleryImageVersion>> {
    return onePage(
      this.client.sharedGalleryImageVersions.list(gallery.location, gallery.galleryUniqueName, image, {
        ...sharedToOption(sharedTo),
        abortSignal: options?.signal,
      }),
      options,
    );
  }

  getSharedImageVersion(gallery: SharedGalleryRef, image: string, version: string, options?: CallOptions): Promise<SharedGalleryImageVersion> {
    return withSignal(options, () =>
      this.client.sharedGalleryImageVersions.get(gallery.location, gallery.galleryUniqueName, image, version, { abortSignal: options?.signal }),
    );
  }

  getCommunityGallery(gallery: CommunityGalleryRef, options?: CallOptions): Promise<CommunityGallery> {
    return withSignal(options, () => this.client.communityGalleries.get(gallery.location, gallery.publicGalleryName, { abortSignal: options?.signal }));
  }

  listCommunityImages(gallery: CommunityGalleryRef, options?: PagedCallOptions): Promise<Page<CommunityGalleryImage>> {
    return onePage(this.client.communityGalleryImages.list(gallery.location, gallery.publicGalleryName, { abortSignal: options?.signal }), options);
  }

  getCommunityImage(gallery: CommunityGalleryRef, image: string, options?: CallOptions): Promise<CommunityGalleryImage> {
    return withSignal(options, () =>
      this.client.communityGalleryImages.get(gallery.location, gallery.publicGalleryName, image, { abortSignal: options?.signal }),
    );
  }

  listCommunityImageVersions(gallery: CommunityGalleryRef, image: string, options?: PagedCallOptions): Promise<Page<CommunityGalleryImageVersion>> {
    return onePage(
      this.client.communityGalleryImageVersions.list(gallery.location, gallery.publicGalleryName, image, { abortSignal: options?.signal }),
      options,
    );
  }

  getCommunityImageVersion(gallery: CommunityGalleryRef, image: string, version: string, options?: CallOptions): Promise<CommunityGalleryImageVersion> {
    return withSignal(options, () =>
      this.client.communityGalleryImageVersions.get(gallery.location, gallery.publicGalleryName, image, version, { abortSignal: options?.signal }),
    );
  }

  acceptSharedGallery(invite: SharedGalleryInviteRef, options?: CallOptions): Promise<void> {
    return this.wait(options, () =>
      invite.level === 'subscription'
        ? this.client.sharedGalleryInvites.gallerySharingAccept(invite.location, invite.sharerSubscriptionId, invite.galleryName, this.lroOptions(options))
        : this.client.tenantLevelSharedGalleryInvites.tenantLevelGallerySharingAccept(
            invite.location,
            invite.sharerSubscriptionId,
            invite.galleryName,
            this.lroOptions(options),
          ),
    );
  }

  rejectSharedGallery(invite: SharedGalleryInviteRef, options?: CallOptions): Promise<void> {
    return this.wait(options, () =>
      invite.level === 'subscription'
        ? this.client.sharedGalleryInvites.gallerySharingReject(invite.location, invite.sharerSubscriptionId, invite.galleryName, this.lroOptions(options))
        : this.client.tenantLevelSharedGalleryInvites.tenantLevelGallerySharingReject(
            invite.location,
            invite.sharerSubscriptionId,
            invite.galleryName,
            this.lroOptions(options),
          ),
    );
  }
}

/** `sharedTo` of the SDK's shared lists: absent for the subscription, `tenant` for the tenant. */
function sharedToOption(sharedTo: SharedTo): { sharedTo?: string } {
  return sharedTo === 'tenant' ? { sharedTo: 'tenant' } : {};
}

interface ArmListBody<T> {
  value?: T[];
  nextLink?: string | null;
}
interface RawTenant {
  tenantId?: string;
  displayName?: string;
  defaultDomain?: string;
}
interface RawSubscription {
  subscriptionId?: string;
  displayName?: string;
  tenantId?: string;
  state?: string;
}

class ArmServicesImpl implements ArmServices {
  private readonly galleryServices = new Map<string, GalleryService>();
  private readonly resourceClients = new Map<string, Client>();

  constructor(private readonly options: ArmServicesOptions) {}

  get cloud(): ArmServicesOptions['cloud'] {
    return this.options.cloud;
  }

  private pipelineOptions(): {
    endpoint: string;
    credentials: { scopes: string[] };
    retryOptions: { maxRetries: number };
    additionalPolicies: Array<{ policy: PipelinePolicy; position: 'perCall' | 'perRetry' }>;
    userAgentOptions: { userAgentPrefix: string };
  } {
    const policies: Array<{ policy: PipelinePolicy; position: 'perCall' | 'perRetry' }> = [
      { policy: abortSignalPolicy, position: 'perCall' },
    ];
    if (this.options.log) {
      policies.push({ policy: loggingPolicy(this.options.log), position: 'perRetry' });
    }
    // After the logging policy, so a refused request is logged too.
    policies.push({ policy: armHostPolicy(this.options.cloud.resourceManagerEndpointUrl), position: 'perRetry' });
    return {
      endpoint: this.options.cloud.resourceManagerEndpointUrl.replace(/\/$/, ''),
      credentials: { scopes: [this.options.cloud.armScope] },
      retryOptions: { maxRetries: this.options.maxRetries ?? 3 },
      additionalPolicies: policies,
      userAgentOptions: { userAgentPrefix: 'vscode-azure-compute-gallery' },
    };
  }

  private credential(tenantId: string | undefined): TokenCredential {
    return this.options.credentials.credential(tenantId);
  }

  private resourcesClient(tenantId: string | undefined): Client {
    const key = tenantId ?? '';
    let client = this.resourceClients.get(key);
    if (!client) {
      const { endpoint, ...options } = this.pipelineOptions();
      client = getClient(endpoint, this.credential(tenantId), options);
      this.resourceClients.set(key, client);
    }
    return client;
  }

  private async listAll<T>(tenantId: string | undefined, path: string, options?: CallOptions, apiVersion = RESOURCES_API_VERSION): Promise<T[]> {
    const client = this.resourcesClient(tenantId);
    return withSignal(options, async () => {
      const items: T[] = [];
      let next: string | undefined = `${path}?api-version=${apiVersion}`;
      while (next) {
        const response = await client.pathUnchecked(next).get({ abortSignal: options?.signal });
        if (response.status !== '200') {
          const { createRestError } = await import('@azure-rest/core-client');
          throw createRestError(response);
        }
        const body = response.body as ArmListBody<T> | undefined;
        if (!body || !Array.isArray(body.value)) {
          throw Object.assign(new Error(l10n.t('Azure sent an unreadable list from {0}.', path)), { code: 'PARSE_ERROR' });
        }
        items.push(...body.value);
        next = typeof body.nextLink === 'string' && body.nextLink ? body.nextLink : undefined;
      }
      return items;
    });
  }

  private async put<T>(tenantId: string | undefined, path: string, apiVersion: string, body: unknown, options?: CallOptions): Promise<T> {
    const client = this.resourcesClient(tenantId);
    return withSignal(options, async () => {
      const response = await client.pathUnchecked(`${path}?api-version=${apiVersion}`).put({ body, abortSignal: options?.signal });
      if (response.status !== '200' && response.status !== '201') {
        const { createRestError } = await import('@azure-rest/core-client');
        throw createRestError(response);
      }
      return response.body as T;
    });
  }

  private async getOne<T>(tenantId: string | undefined, path: string, apiVersion: string, options?: CallOptions): Promise<T | undefined> {
    const client = this.resourcesClient(tenantId);
    return withSignal(options, async () => {
      const response = await client.pathUnchecked(`${path}?api-version=${apiVersion}`).get({ abortSignal: options?.signal });
      if (response.status === '404') {
        return undefined;
      }
      if (response.status !== '200') {
        const { createRestError } = await import('@azure-rest/core-client');
        throw createRestError(response);
      }
      return response.body as T;
    });
  }

  private resourcesApi(tenantId: string | undefined): ResourcesApi {
    return {
      listAll: <T>(path: string, apiVersion: string, options?: CallOptions) => this.listAll<T>(tenantId, path, options, apiVersion),
      put: <T>(path: string, apiVersion: string, body: unknown, options?: CallOptions) => this.put<T>(tenantId, path, apiVersion, body, options),
      get: <T>(path: string, apiVersion: string, options?: CallOptions) => this.getOne<T>(tenantId, path, apiVersion, options),
    };
  }

  async listTenants(options?: CallOptions): Promise<TenantInfo[]> {
    const raw = await this.listAll<RawTenant>(undefined, '/tenants', options);
    return raw
      .filter((t): t is RawTenant & { tenantId: string } => typeof t.tenantId === 'string' && t.tenantId.length > 0)
      .map((t) => ({ tenantId: t.tenantId, displayName: t.displayName ?? t.tenantId, defaultDomain: t.defaultDomain }));
  }

  async listSubscriptions(tenantId: string | undefined, options?: CallOptions): Promise<SubscriptionInfo[]> {
    const raw = await this.listAll<RawSubscription>(tenantId, '/subscriptions', options);
    return raw
      .filter((s): s is RawSubscription & { subscriptionId: string } => typeof s.subscriptionId === 'string' && s.subscriptionId.length > 0)
      .map((s) => ({
        subscriptionId: s.subscriptionId,
        displayName: s.displayName ?? s.subscriptionId,
        tenantId: s.tenantId ?? tenantId ?? '',
        state: s.state,
      }));
  }

  galleryService(subscriptionId: string, tenantId: string | undefined): GalleryService {
    const key = `${tenantId ?? ''}/${subscriptionId}`.toLowerCase();
    let service = this.galleryServices.get(key);
    if (!service) {
      const client = new ComputeManagementClient(this.credential(tenantId), subscriptionId, this.pipelineOptions());
      service = new ArmGalleryService(subscriptionId, client, this.options.pollIntervalMs, this.resourcesApi(tenantId));
      this.galleryServices.set(key, service);
    }
    return service;
  }
}

export function createArmServices(options: ArmServicesOptions): ArmServices {
  if (options.l10nBundle) {
    l10n.config({ contents: { ...options.l10nBundle } });
  }
  return new ArmServicesImpl(options);
}
