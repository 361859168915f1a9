/**
 * The contract of the Azure layer. Types only: the implementation (armServices.ts) pulls in
 * `@azure/arm-compute` and lives in its own lazily loaded bundle, so activation stays light.
 */
import type { TokenCredential } from '@azure/core-auth';
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
import type { CloudEnvironment } from './cloud';
import type { SharedTo, SharingUpdateInput } from '../domain/sharing';
import type { ApplicationId, ApplicationVersionId, ComputeResourceId, GalleryId, ImageDefinitionId, ImageVersionId, ManagedImageId } from './armId';

export type {
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
};
export type {
  CommunityGallery,
  CommunityGalleryImage,
  CommunityGalleryImageVersion,
  SharedGallery,
  SharedGalleryImage,
  SharedGalleryImageVersion,
  SharingUpdate,
};
export type { SharedTo, SharingUpdateInput };

/**
 * A gallery shared with me (issue 13): the region it is listed in and its unique name (`identifier.uniqueName` of the
 * sharer's gallery, `{subscriptionId}-{NAME}`; the last segment of a shared gallery's `uniqueId`).
 */
export interface SharedGalleryRef {
  readonly location: string;
  readonly galleryUniqueName: string;
}

/** A community gallery: the region and its public name (`communityGalleryInfo.publicNames`, `{prefix}-{guid}`). */
export interface CommunityGalleryRef {
  readonly location: string;
  readonly publicGalleryName: string;
}

/**
 * A gallery shared with this subscription (`level: 'subscription'`) or with its tenant (`'tenant'`) that may wait for
 * acceptance (GalleryRP 2025-12-03). ARM lists no pending invites: this is what the sharer tells the user.
 */
export interface SharedGalleryInviteRef {
  readonly level: 'subscription' | 'tenant';
  readonly location: string;
  /** The subscription that owns the shared gallery. */
  readonly sharerSubscriptionId: string;
  /** The gallery's own name in the sharer's subscription (not the unique name). */
  readonly galleryName: string;
}

/**
 * A create (PUT) or update (PATCH) body in ARM's REST shape, exactly as the forms show it:
 * `properties` nested, dates as ISO strings. The service sends it through the SDK unchanged.
 */
export interface ArmRequestBody {
  readonly location?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly properties?: { readonly [key: string]: unknown };
}

export interface ResourceGroupInfo {
  readonly id: string;
  readonly name: string;
  readonly location: string;
}

export interface LocationInfo {
  /** "eastus" */
  readonly name: string;
  /** "East US" */
  readonly displayName: string;
}

export interface StorageAccountInfo {
  readonly id: string;
  readonly name: string;
  readonly location: string;
}

/** One page of a list, with the continuation (ARM's nextLink) to fetch the next one. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly continuationToken: string | undefined;
}

export interface TenantInfo {
  readonly tenantId: string;
  readonly displayName: string;
  readonly defaultDomain: string | undefined;
}

export interface SubscriptionInfo {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId: string;
  readonly state: string | undefined;
}

/** Hands out credentials per tenant; undefined tenant = the account's home tenant. */
export interface CredentialSource {
  credential(tenantId: string | undefined): TokenCredential;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** A create (PUT) that waits for its long-running operation. */
export interface CreateCallOptions extends CallOptions {
  /**
   * Called once Azure has accepted the request (its first answer, 200/201 with a non-terminal provisioningState):
   * from then on the resource exists and is listed while the operation runs. Not called when the request is refused.
   * It must not throw (nothing would catch it).
   */
  readonly onAccepted?: () => void;
}

export interface PagedCallOptions extends CallOptions {
  /** The continuation from the previous page; omit for the first page. */
  readonly continuationToken?: string;
}

/**
 * Galleries, image definitions, image versions, VM applications (definitions and versions) and managed images of one
 * subscription. A gallery holds both image definitions and VM applications; its delete needs both gone first.
 */
export interface GalleryService {
  readonly subscriptionId: string;
  listGalleries(options?: PagedCallOptions): Promise<Page<Gallery>>;
  listImageDefinitions(gallery: GalleryId, options?: PagedCallOptions): Promise<Page<GalleryImage>>;
  listImageVersions(definition: ImageDefinitionId, options?: PagedCallOptions): Promise<Page<GalleryImageVersion>>;
  listManagedImages(options?: PagedCallOptions): Promise<Page<Image>>;
  /**
   * The soft-deleted versions of one image definition (a gallery with `softDeletePolicy.isSoftDeleteEnabled`):
   * `softDeletedResource.listByArtifactName(rg, gallery, 'images', definition)`. Each item's
   * `resourceArmId` is the version's own id; `softDeletedTime` says when it was deleted.
   */
  listSoftDeletedVersions(definition: ImageDefinitionId, options?: PagedCallOptions): Promise<Page<GallerySoftDeletedResource>>;
  /** The VM application definitions of a gallery (`galleryApplications.listByGallery`). */
  listApplications(gallery: GalleryId, options?: PagedCallOptions): Promise<Page<GalleryApplication>>;
  /** The versions of a VM application (`galleryApplicationVersions.listByGalleryApplication`); no replication status. */
  listApplicationVersions(application: ApplicationId, options?: PagedCallOptions): Promise<Page<GalleryApplicationVersion>>;

  getGallery(id: GalleryId, options?: CallOptions): Promise<Gallery>;
  getImageDefinition(id: ImageDefinitionId, options?: CallOptions): Promise<GalleryImage>;
  /** With `$expand=ReplicationStatus`, so per-region replication state is included. */
  getImageVersion(id: ImageVersionId, options?: CallOptions): Promise<GalleryImageVersion>;
  getManagedImage(id: ManagedImageId, options?: CallOptions): Promise<Image>;
  getApplication(id: ApplicationId, options?: CallOptions): Promise<GalleryApplication>;
  /** With `$expand=ReplicationStatus`, like {@link getImageVersion}. */
  getApplicationVersion(id: ApplicationVersionId, options?: CallOptions): Promise<GalleryApplicationVersion>;

  /**
   * The resource as ARM returned it (the REST shape, with `properties`), for the properties view. A gallery is read
   * with `$expand=SharingProfile/Groups`, so its sharing groups are listed.
   */
  getResourceJson(id: ComputeResourceId, options?: CallOptions): Promise<Record<string, unknown>>;

  /** Each delete waits for ARM's long-running operation to finish (or throws its error). */
  deleteGallery(id: GalleryId, options?: CallOptions): Promise<void>;
  deleteImageDefinition(id: ImageDefinitionId, options?: CallOptions): Promise<void>;
  deleteImageVersion(id: ImageVersionId, options?: CallOptions): Promise<void>;
  deleteManagedImage(id: ManagedImageId, options?: CallOptions): Promise<void>;
  /** ARM refuses (409 CannotDeleteResource) while the application still has versions. */
  deleteApplication(id: ApplicationId, options?: CallOptions): Promise<void>;
  deleteApplicationVersion(id: ApplicationVersionId, options?: CallOptions): Promise<void>;

  /** Create (PUT) and update (PATCH): each waits for ARM's long-running operation and returns the resource. */
  createOrUpdateGallery(id: GalleryId, body: ArmRequestBody, options?: CreateCallOptions): Promise<Gallery>;
  updateGallery(id: GalleryId, body: ArmRequestBody, options?: CallOptions): Promise<Gallery>;
  createOrUpdateImageDefinition(id: ImageDefinitionId, body: ArmRequestBody, options?: CreateCallOptions): Promise<GalleryImage>;
  updateImageDefinition(id: ImageDefinitionId, body: ArmRequestBody, options?: CallOptions): Promise<GalleryImage>;
  createOrUpdateImageVersion(id: ImageVersionId, body: ArmRequestBody, options?: CreateCallOptions): Promise<GalleryImageVersion>;
  updateImageVersion(id: ImageVersionId, body: ArmRequestBody, options?: CallOptions): Promise<GalleryImageVersion>;
  /**
   * Brings back a soft-deleted version: the PATCH ARM documents (GalleryImageVersion_Update_RestoreSoftDeleted,
   * body `{ properties: { restore: true, storageProfile: {} } }`), waiting for its long-running operation.
   */
  restoreImageVersion(id: ImageVersionId, options?: CallOptions): Promise<GalleryImageVersion>;
  createOrUpdateManagedImage(id: ManagedImageId, body: ArmRequestBody, options?: CreateCallOptions): Promise<Image>;
  updateManagedImage(id: ManagedImageId, body: ArmRequestBody, options?: CallOptions): Promise<Image>;
  /**
   * VM application definition: `properties.supportedOSType` is required on create and cannot change afterwards;
   * `properties.endOfLifeDate` is an ISO string in the body (the service converts it for the SDK).
   */
  createOrUpdateApplication(id: ApplicationId, body: ArmRequestBody, options?: CreateCallOptions): Promise<GalleryApplication>;
  updateApplication(id: ApplicationId, body: ArmRequestBody, options?: CallOptions): Promise<GalleryApplication>;
  /**
   * VM application version: `properties.publishingProfile.source.mediaLink` (the package blob, often with a SAS) and
   * `manageActions.install`/`remove` are required; `publishingProfile.endOfLifeDate` is an ISO string in the body.
   */
  createOrUpdateApplicationVersion(id: ApplicationVersionId, body: ArmRequestBody, options?: CreateCallOptions): Promise<GalleryApplicationVersion>;
  /**
   * A PATCH that touches `publishingProfile` must carry `publishingProfile.source.mediaLink` too (the SDK cannot
   * serialize a publishing profile without it); otherwise this rejects before sending anything. A PATCH of
   * `safetyProfile` or `tags` alone needs no source.
   */
  updateApplicationVersion(id: ApplicationVersionId, body: ArmRequestBody, options?: CallOptions): Promise<GalleryApplicationVersion>;

  /** What the forms' pickers offer (all pages). */
  listResourceGroups(options?: CallOptions): Promise<ResourceGroupInfo[]>;
  /** The resource group, or undefined when it does not exist (ARM answers 404). */
  getResourceGroup(name: string, options?: CallOptions): Promise<ResourceGroupInfo | undefined>;
  /**
   * PUTs the resource group. A PUT over an existing group replaces its tags: call it only after
   * {@link getResourceGroup} found none.
   */
  createResourceGroup(name: string, location: string, options?: CallOptions): Promise<ResourceGroupInfo>;
  listLocations(options?: CallOptions): Promise<LocationInfo[]>;
  listVirtualMachines(options?: CallOptions): Promise<VirtualMachine[]>;
  listDisks(options?: CallOptions): Promise<Disk[]>;
  listSnapshots(options?: CallOptions): Promise<Snapshot[]>;
  listDiskEncryptionSets(options?: CallOptions): Promise<DiskEncryptionSet[]>;
  listStorageAccounts(options?: CallOptions): Promise<StorageAccountInfo[]>;

  // ---- Sharing (issue 13) ----
  /**
   * The gallery with `$expand=SharingProfile/Groups`: `sharingProfile.groups` lists the subscriptions and tenants it is
   * shared with (a plain GET leaves them out). `sharingStateOf` (src/domain/sharing.ts) reads the state from it.
   */
  getGalleryWithSharing(id: GalleryId, options?: CallOptions): Promise<Gallery>;
  /**
   * `GallerySharingProfile_Update` (POST …/share): Add / Remove groups, Reset (stop sharing with everyone, community
   * included) or EnableCommunity. Checked with `sharingUpdateProblems` first (a bad update rejects and sends nothing),
   * sent normalised, and waits for the long-running operation. Returns the update ARM confirmed.
   */
  updateSharingProfile(gallery: GalleryId, update: SharingUpdateInput, options?: CallOptions): Promise<SharingUpdate>;
  /**
   * Makes a gallery public: `EnableCommunity`. The gallery must already have `sharingProfile.permissions: Community`
   * and `communityGalleryInfo` (publisher URI, contact, EULA, public name prefix): set them with updateGallery first.
   * Returns the gallery afterwards, whose `communityGalleryInfo.publicNames` holds the public name.
   */
  enableCommunity(gallery: GalleryId, options?: CallOptions): Promise<Gallery>;

  /** Galleries shared with this subscription (`sharedTo: 'subscription'`) or its tenant in one region; one page. */
  listSharedGalleries(location: string, sharedTo: SharedTo, options?: PagedCallOptions): Promise<Page<SharedGallery>>;
  getSharedGallery(gallery: SharedGalleryRef, options?: CallOptions): Promise<SharedGallery>;
  listSharedImages(gallery: SharedGalleryRef, sharedTo: SharedTo, options?: PagedCallOptions): Promise<Page<SharedGalleryImage>>;
  getSharedImage(gallery: SharedGalleryRef, image: string, options?: CallOptions): Promise<SharedGalleryImage>;
  listSharedImageVersions(gallery: SharedGalleryRef, image: string, sharedTo: SharedTo, options?: PagedCallOptions): Promise<Page<SharedGalleryImageVersion>>;
  getSharedImageVersion(gallery: SharedGalleryRef, image: string, version: string, options?: CallOptions): Promise<SharedGalleryImageVersion>;

  /** A community gallery by public name (its publisher, contact, EULA and disclaimer links: show them, never open them unasked). */
  getCommunityGallery(gallery: CommunityGalleryRef, options?: CallOptions): Promise<CommunityGallery>;
  listCommunityImages(gallery: CommunityGalleryRef, options?: PagedCallOptions): Promise<Page<CommunityGalleryImage>>;
  getCommunityImage(gallery: CommunityGalleryRef, image: string, options?: CallOptions): Promise<CommunityGalleryImage>;
  listCommunityImageVersions(gallery: CommunityGalleryRef, image: string, options?: PagedCallOptions): Promise<Page<CommunityGalleryImageVersion>>;
  getCommunityImageVersion(gallery: CommunityGalleryRef, image: string, version: string, options?: CallOptions): Promise<CommunityGalleryImageVersion>;

  /**
   * `GallerySharing_Accept` / `_Reject` (subscription level, this service's subscription) or
   * `TenantLevelGallerySharing_Accept` / `_Reject` (this service's tenant); each waits for the long-running operation.
   * Rejecting removes this subscription or tenant from the sharer's groups.
   */
  acceptSharedGallery(invite: SharedGalleryInviteRef, options?: CallOptions): Promise<void>;
  rejectSharedGallery(invite: SharedGalleryInviteRef, options?: CallOptions): Promise<void>;
}

export interface ArmServicesOptions {
  readonly cloud: CloudEnvironment;
  readonly credentials: CredentialSource;
  /** Receives one line per HTTP request (method, URL, status, time); never headers or tokens. */
  readonly log?: (line: string) => void;
  /** Poll interval for long-running operations (ARM's Retry-After wins when present). */
  readonly pollIntervalMs?: number;
  /** Retries of throttled (429), unavailable (5xx) and dropped requests. Default 3. */
  readonly maxRetries?: number;
  /**
   * `vscode.l10n.bundle`: dist/azure.js has its own copy of @vscode/l10n (its error messages); the host hands it the
   * translations for the display language. None: English.
   */
  readonly l10nBundle?: Readonly<Record<string, string>>;
}

/** Everything the extension asks of Azure. */
export interface ArmServices {
  readonly cloud: CloudEnvironment;
  listTenants(options?: CallOptions): Promise<TenantInfo[]>;
  /** Subscriptions visible with a token for the given tenant (undefined = home tenant). */
  listSubscriptions(tenantId: string | undefined, options?: CallOptions): Promise<SubscriptionInfo[]>;
  galleryService(subscriptionId: string, tenantId: string | undefined): GalleryService;
}

export type CreateArmServices = (options: ArmServicesOptions) => ArmServices;
