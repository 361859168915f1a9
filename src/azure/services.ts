/**
 * The contract of the Azure layer. Types only: the implementation (armServices.ts) pulls in
 * `@azure/arm-compute` and lives in its own lazily loaded bundle, so activation stays light.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { Gallery, GalleryImage, GalleryImageVersion, Image } from '@azure/arm-compute';
import type { CloudEnvironment } from './cloud';
import type { ComputeResourceId, GalleryId, ImageDefinitionId, ImageVersionId, ManagedImageId } from './armId';

export type { Gallery, GalleryImage, GalleryImageVersion, Image };

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

export interface PagedCallOptions extends CallOptions {
  /** The continuation from the previous page; omit for the first page. */
  readonly continuationToken?: string;
}

/** Galleries, image definitions, image versions and managed images of one subscription. */
export interface GalleryService {
  readonly subscriptionId: string;
  listGalleries(options?: PagedCallOptions): Promise<Page<Gallery>>;
  listImageDefinitions(gallery: GalleryId, options?: PagedCallOptions): Promise<Page<GalleryImage>>;
  listImageVersions(definition: ImageDefinitionId, options?: PagedCallOptions): Promise<Page<GalleryImageVersion>>;
  listManagedImages(options?: PagedCallOptions): Promise<Page<Image>>;

  getGallery(id: GalleryId, options?: CallOptions): Promise<Gallery>;
  getImageDefinition(id: ImageDefinitionId, options?: CallOptions): Promise<GalleryImage>;
  /** With `$expand=ReplicationStatus`, so per-region replication state is included. */
  getImageVersion(id: ImageVersionId, options?: CallOptions): Promise<GalleryImageVersion>;
  getManagedImage(id: ManagedImageId, options?: CallOptions): Promise<Image>;

  /** The resource as ARM returned it (the REST shape, with `properties`), for the properties view. */
  getResourceJson(id: ComputeResourceId, options?: CallOptions): Promise<Record<string, unknown>>;

  /** Each delete waits for ARM's long-running operation to finish (or throws its error). */
  deleteGallery(id: GalleryId, options?: CallOptions): Promise<void>;
  deleteImageDefinition(id: ImageDefinitionId, options?: CallOptions): Promise<void>;
  deleteImageVersion(id: ImageVersionId, options?: CallOptions): Promise<void>;
  deleteManagedImage(id: ManagedImageId, options?: CallOptions): Promise<void>;
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
