import * as vscode from 'vscode';
import { describeArmError, inertNotificationText } from '../azure/armError';
import { displayName } from '../azure/armId';
import type { ImageVersionId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryImageVersion } from '../azure/services';
import { backoffDelay, isSettling, replicationProgress } from './replication';

/**
 * Re-reads image versions that are still provisioning or replicating, with backoff, until they
 * settle; then tells the user. One timer per version, whatever the tree does meanwhile.
 */
export class VersionWatcher implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly latest = new Map<string, GalleryImageVersion>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires the lower-cased id of a version whose state changed. */
  readonly onDidChange = this.changed.event;
  private disposed = false;

  constructor(
    private readonly account: AzureAccount,
    private readonly log: vscode.LogOutputChannel,
    private readonly baseDelayMs = 5_000,
  ) {}

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) {
      clearTimeout(t);
    }
    this.timers.clear();
    this.changed.dispose();
  }

  /** The freshest state seen for a version, if it was watched. */
  current(id: string): GalleryImageVersion | undefined {
    return this.latest.get(id.toLowerCase());
  }

  /** Remembers a state read elsewhere (e.g. a tooltip's GET) so the tree shows the freshest one. */
  record(version: GalleryImageVersion): void {
    if (version.id) {
      this.latest.set(version.id.toLowerCase(), version);
    }
  }

  watch(id: ImageVersionId, tenantId: string | undefined, version: GalleryImageVersion): void {
    const key = id.id.toLowerCase();
    if (this.disposed || this.timers.has(key) || !isSettling(version)) {
      return;
    }
    this.log.info(`Watching ${displayName(id)} until it finishes (${version.provisioningState ?? 'in progress'}).`);
    this.schedule(id, tenantId, 0);
  }

  private schedule(id: ImageVersionId, tenantId: string | undefined, attempt: number): void {
    const key = id.id.toLowerCase();
    const timer = setTimeout(() => void this.poll(id, tenantId, attempt), backoffDelay(attempt, this.baseDelayMs));
    this.timers.set(key, timer);
  }

  private async poll(id: ImageVersionId, tenantId: string | undefined, attempt: number): Promise<void> {
    const key = id.id.toLowerCase();
    let version: GalleryImageVersion;
    try {
      const service = (await this.account.services()).galleryService(id.subscriptionId, tenantId);
      version = await service.getImageVersion(id);
    } catch (err) {
      const info = describeArmError(err);
      if (info.code === 'ResourceNotFound' || info.code === 'NotSignedIn' || this.disposed) {
        this.timers.delete(key);
        this.log.info(`Stopped watching ${displayName(id)}: ${info.message}`);
        return;
      }
      this.log.warn(`Couldn't re-check ${displayName(id)} (will try again): ${info.message}`);
      this.schedule(id, tenantId, attempt + 1);
      return;
    }
    if (this.disposed) {
      return;
    }
    this.latest.set(key, version);
    this.changed.fire(key);
    if (isSettling(version)) {
      this.schedule(id, tenantId, attempt + 1);
      return;
    }
    this.timers.delete(key);
    this.announce(id, version);
  }

  private announce(id: ImageVersionId, version: GalleryImageVersion): void {
    const name = displayName(id);
    const progress = replicationProgress(version);
    const failedRegions = version.replicationStatus?.summary?.filter((r) => r.state?.toLowerCase() === 'failed') ?? [];
    if (version.provisioningState === 'Failed' || failedRegions.length > 0) {
      const where = failedRegions.map((r) => `${r.region ?? '?'}${r.details ? ` (${r.details})` : ''}`).join(', ');
      const message = `Image version ${name} failed${where ? ` to replicate to ${where}` : ''}.`;
      this.log.error(message);
      void vscode.window.showErrorMessage(inertNotificationText(`${message} See its properties for details, fix the cause and create the version again.`));
      return;
    }
    const regions = progress ? ` and replicated to ${progress.regions} region${progress.regions === 1 ? '' : 's'}` : '';
    this.log.info(`Image version ${name} is ready${regions}.`);
    void vscode.window.showInformationMessage(`Image version ${name} is ready${regions}.`);
  }
}
