import * as vscode from 'vscode';
import { describeArmError, inertNotificationText, redactSecrets } from '../azure/armError';
import type { ArmErrorInfo } from '../azure/armError';
import { displayName } from '../azure/armId';
import type { ArmResourceKind } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import { backoffDelay, describeProgress, isSettling, replicationProgress } from './replication';
import type { GalleryVersion, GalleryVersionId } from './VersionNode';

/** A scheduled re-check. */
export interface ScheduledCheck {
  cancel(): void;
}

export interface VersionWatcherOptions {
  /** Wait before the first re-check; doubles per re-check up to a minute. Default 5 s. */
  readonly baseDelayMs?: number;
  /**
   * Stop following a version whose state and replication progress have not moved for this long (or that
   * could not be re-read for this long), and say so. Default 2 hours: replication of one version usually
   * takes minutes (7–18 in recorded traffic), so two hours unchanged means it is stuck, not slow.
   */
  readonly stallLimitMs?: number;
  /** Clock and timer, injectable for tests. */
  readonly now?: () => number;
  readonly schedule?: (run: () => void, delayMs: number) => ScheduledCheck;
}

const DEFAULT_STALL_LIMIT_MS = 2 * 60 * 60 * 1000;

function defaultSchedule(run: () => void, delayMs: number): ScheduledCheck {
  const timer = setTimeout(run, delayMs);
  return { cancel: () => clearTimeout(timer) };
}

/** "2 hours", "90 minutes", "30 seconds" */
export function formatDuration(ms: number): string {
  if (ms >= 60 * 60 * 1000 && ms % (60 * 60 * 1000) === 0) {
    const n = ms / (60 * 60 * 1000);
    return n === 1 ? vscode.l10n.t('1 hour') : vscode.l10n.t('{0} hours', n);
  }
  if (ms >= 60 * 1000) {
    const n = Math.round(ms / (60 * 1000));
    return n === 1 ? vscode.l10n.t('1 minute') : vscode.l10n.t('{0} minutes', n);
  }
  const n = Math.max(1, Math.round(ms / 1000));
  return n === 1 ? vscode.l10n.t('1 second') : vscode.l10n.t('{0} seconds', n);
}

/** What decides "progress": the provisioning state and every region's state and percentage. */
function progressSignature(version: GalleryVersion): string {
  const regions = (version.replicationStatus?.summary ?? [])
    .map((r) => `${r.region?.toLowerCase() ?? ''}=${r.state?.toLowerCase() ?? ''}:${r.progress ?? ''}`)
    .sort();
  return [version.provisioningState?.toLowerCase() ?? '', version.replicationStatus?.aggregatedState?.toLowerCase() ?? '', ...regions].join('|');
}

/** "image version" or "VM application version", as the watcher's messages name it. */
function noun(id: GalleryVersionId): string {
  return id.kind === 'imageVersion' ? vscode.l10n.t('image version') : vscode.l10n.t('VM application version');
}
function Noun(id: GalleryVersionId): string {
  return id.kind === 'imageVersion' ? vscode.l10n.t('Image version') : vscode.l10n.t('VM application version');
}

interface Watch {
  readonly id: GalleryVersionId;
  readonly tenantId: string | undefined;
  attempt: number;
  check: ScheduledCheck | undefined;
  signature: string;
  /** When the state last moved (or the watch started). */
  movedAt: number;
}

/** Why re-reading a version can't help any more, from the error Azure answered; undefined = try again. */
function hopelessReason(info: ArmErrorInfo, kind: ArmResourceKind): string | undefined {
  switch (info.code) {
    case 'ParentResourceNotFound':
    case 'ResourceGroupNotFound':
    case 'SubscriptionNotFound':
      return kind === 'applicationVersion'
        ? vscode.l10n.t('its VM application or gallery no longer exists ({0}). Refresh the view to see what is left.', info.code)
        : vscode.l10n.t('its image definition or gallery no longer exists ({0}). Refresh the view to see what is left.', info.code);
    case 'ResourceNotFound':
    case 'NotFound':
      return vscode.l10n.t('it no longer exists ({0}). Refresh the view to see what is left.', info.code);
    case 'AuthorizationFailed':
    case 'LinkedAuthorizationFailed':
      return vscode.l10n.t('you don\'t have permission to read it any more ({0}). {1}', info.code, info.nextStep);
    default:
      break;
  }
  if (info.statusCode === 404) {
    return vscode.l10n.t('it no longer exists (HTTP 404). Refresh the view to see what is left.');
  }
  if (info.statusCode === 403) {
    return vscode.l10n.t('you don\'t have permission to read it any more (HTTP 403). {0}', info.nextStep);
  }
  if (info.statusCode === 401) {
    return vscode.l10n.t('Azure no longer accepts your sign-in ({0}). {1}', info.code ?? 'HTTP 401', info.nextStep);
  }
  return undefined;
}

/**
 * Re-reads image versions and VM application versions that are still provisioning or replicating, with backoff, until they settle;
 * then tells the user. One timer per version, whatever the tree does meanwhile. It stops, and says why
 * once, when the version or its parent is gone, when access is denied, or when nothing has moved for
 * {@link VersionWatcherOptions.stallLimitMs}.
 */
export class VersionWatcher implements vscode.Disposable {
  private readonly watches = new Map<string, Watch>();
  private readonly latest = new Map<string, GalleryVersion>();
  /** Versions no longer followed, with why, and the state they were in then. */
  private readonly stopped = new Map<string, { readonly reason: string; readonly signature: string }>();
  /** Versions whose create a form is running: the form tells the outcome, so the watcher only updates their rows. */
  private readonly quiet = new Set<string>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires the lower-cased id of a version whose state changed. */
  readonly onDidChange = this.changed.event;
  private disposed = false;
  private readonly baseDelayMs: number;
  private readonly stallLimitMs: number;
  private readonly now: () => number;
  private readonly scheduleCheck: (run: () => void, delayMs: number) => ScheduledCheck;

  constructor(
    private readonly account: AzureAccount,
    private readonly log: vscode.LogOutputChannel,
    options: VersionWatcherOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { baseDelayMs: options } : options;
    this.baseDelayMs = o.baseDelayMs ?? 5_000;
    this.stallLimitMs = o.stallLimitMs ?? DEFAULT_STALL_LIMIT_MS;
    this.now = o.now ?? Date.now;
    this.scheduleCheck = o.schedule ?? defaultSchedule;
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.watches.values()) {
      w.check?.cancel();
    }
    this.watches.clear();
    this.changed.dispose();
  }

  /** The freshest state seen for a version, if it was watched. */
  current(id: string): GalleryVersion | undefined {
    return this.latest.get(id.toLowerCase());
  }

  /** Why a version is no longer followed (shown on its row), if it was stopped. */
  stoppedReason(id: string): string | undefined {
    return this.stopped.get(id.toLowerCase())?.reason;
  }

  /**
   * Remembers a state read elsewhere (e.g. a tooltip's GET) so the tree shows the freshest one. Keyed by
   * the id the tree knows the version by, not the id text in Azure's answer.
   */
  record(id: string, version: GalleryVersion): void {
    this.latest.set(id.toLowerCase(), version);
  }

  watch(id: GalleryVersionId, tenantId: string | undefined, version: GalleryVersion): void {
    const key = id.id.toLowerCase();
    if (this.disposed || this.watches.has(key) || !isSettling(version)) {
      return;
    }
    const signature = progressSignature(version);
    const stopped = this.stopped.get(key);
    if (stopped) {
      // Stopped once and told the user: only a state that moved since (a fresh list) resumes following.
      if (stopped.signature === signature) {
        return;
      }
      this.stopped.delete(key);
    }
    this.log.info(`Watching ${displayName(id)} until it finishes (${version.provisioningState ?? 'in progress'}).`);
    const watch: Watch = { id, tenantId, attempt: 0, check: undefined, signature, movedAt: this.now() };
    this.watches.set(key, watch);
    this.schedule(watch);
  }

  /**
   * Follows a version whose create a form is running, from the moment Azure accepted it (it exists and is listed while
   * it replicates): re-read at once, then with the usual backoff, so its row shows live progress. The form's operation
   * tells the outcome, so the watcher says nothing when it settles, and a failed re-read only waits for the next one.
   * Dispose when the form's operation ends: the watcher then stops following it and forgets what it read (the list read
   * next is fresher); a version still in progress then (the user stopped waiting) is followed from its row like any other.
   */
  followCreate(id: GalleryVersionId, tenantId: string | undefined): vscode.Disposable {
    const key = id.id.toLowerCase();
    const before = this.watches.get(key);
    before?.check?.cancel();
    this.stopped.delete(key);
    this.quiet.add(key);
    if (!this.disposed) {
      this.log.info(`Watching ${displayName(id)}, created from a form, until it finishes.`);
      const watch: Watch = { id, tenantId, attempt: 0, check: undefined, signature: '', movedAt: this.now() };
      this.watches.set(key, watch);
      watch.check = this.scheduleCheck(() => void this.poll(watch), 0);
    }
    return new vscode.Disposable(() => {
      this.quiet.delete(key);
      this.watches.get(key)?.check?.cancel();
      this.watches.delete(key);
      this.latest.delete(key);
    });
  }

  /** Stops following `id` and every version under it, silently (e.g. a delete started from the tree). */
  unwatch(id: string): void {
    const prefix = id.toLowerCase().replace(/\/$/, '');
    for (const [key, w] of this.watches) {
      if (key === prefix || key.startsWith(`${prefix}/`)) {
        w.check?.cancel();
        this.watches.delete(key);
      }
    }
  }

  /**
   * Lets versions stopped earlier be followed again when the user refreshes: all of them, or those at or
   * under the resource id `under` (a refreshed definition, gallery or subscription).
   */
  forgetStopped(under?: string): void {
    if (under === undefined) {
      this.stopped.clear();
      return;
    }
    const prefix = under.toLowerCase().replace(/\/$/, '');
    for (const key of [...this.stopped.keys()]) {
      if (key === prefix || key.startsWith(`${prefix}/`)) {
        this.stopped.delete(key);
      }
    }
  }

  private schedule(watch: Watch): void {
    watch.check = this.scheduleCheck(() => void this.poll(watch), backoffDelay(watch.attempt, this.baseDelayMs));
    watch.attempt++;
  }

  private isCurrent(watch: Watch): boolean {
    return !this.disposed && this.watches.get(watch.id.id.toLowerCase()) === watch;
  }

  private async poll(watch: Watch): Promise<void> {
    const { id } = watch;
    const key = id.id.toLowerCase();
    let version: GalleryVersion;
    try {
      const service = (await this.account.services()).galleryService(id.subscriptionId, watch.tenantId);
      version = id.kind === 'imageVersion' ? await service.getImageVersion(id) : await service.getApplicationVersion(id);
    } catch (err) {
      if (!this.isCurrent(watch)) {
        return;
      }
      const info = describeArmError(err);
      if (info.code === 'NotSignedIn') {
        // Signed out: the tree is cleared anyway, nothing to tell.
        this.watches.delete(key);
        this.log.info(`Stopped watching ${displayName(id)}: ${info.message}`);
        return;
      }
      if (this.quiet.has(key)) {
        // The form's create is still running and will say how it ends: try again, tell no one.
        this.log.warn(`Couldn't re-check ${displayName(id)} while the form creates it (will try again): ${info.message}`);
        this.schedule(watch);
        return;
      }
      const hopeless = hopelessReason(info, id.kind);
      if (hopeless) {
        this.stop(watch, vscode.l10n.t('Stopped following {0} {1}: {2}', noun(id), displayName(id), hopeless), watch.signature);
        return;
      }
      if (this.now() - watch.movedAt >= this.stallLimitMs) {
        this.stop(
          watch,
          vscode.l10n.t('{0} {1} couldn\'t be re-checked for {2} (last error: {3}); stopped following it. Refresh the view to check again.', Noun(id), displayName(id), formatDuration(this.stallLimitMs), info.message),
          watch.signature,
        );
        return;
      }
      this.log.warn(`Couldn't re-check ${displayName(id)} (will try again): ${info.message}`);
      this.schedule(watch);
      return;
    }
    if (!this.isCurrent(watch)) {
      return;
    }
    this.latest.set(key, version);
    this.changed.fire(key);
    if (!isSettling(version)) {
      this.watches.delete(key);
      if (!this.quiet.has(key)) {
        this.announce(id, version);
      }
      return;
    }
    const signature = progressSignature(version);
    if (signature !== watch.signature) {
      watch.signature = signature;
      watch.movedAt = this.now();
    } else if (this.now() - watch.movedAt >= this.stallLimitMs) {
      const where = describeProgress(version) ?? version.provisioningState ?? vscode.l10n.t('in progress');
      this.stop(
        watch,
        vscode.l10n.t('{0} {1} has made no progress for {2} ({3}); stopped following it. Refresh the view to check again; if it stays stuck, see its replication status in the Azure portal.', Noun(id), displayName(id), formatDuration(this.stallLimitMs), where),
        signature,
      );
      return;
    }
    this.schedule(watch);
  }

  /** Ends a watch and tells the user why, once (a redraw of the row does not start it again). */
  private stop(watch: Watch, message: string, signature: string): void {
    const key = watch.id.id.toLowerCase();
    watch.check?.cancel();
    this.watches.delete(key);
    this.stopped.set(key, { reason: message, signature });
    this.log.warn(message);
    void vscode.window.showWarningMessage(inertNotificationText(message));
    this.changed.fire(key);
  }

  private announce(id: GalleryVersionId, version: GalleryVersion): void {
    const name = displayName(id);
    const progress = replicationProgress(version);
    const failedRegions = version.replicationStatus?.summary?.filter((r) => r.state?.toLowerCase() === 'failed') ?? [];
    if (version.provisioningState === 'Failed' || failedRegions.length > 0) {
      const where = redactSecrets(failedRegions.map((r) => `${r.region ?? '?'}${r.details ? ` (${r.details})` : ''}`).join(', '));
      this.log.error(`${Noun(id)} ${name} failed${where ? ` to replicate to ${where}` : ''}.`);
      const message = where
        ? vscode.l10n.t('{0} {1} failed to replicate to {2}. See its properties for details, fix the cause and create the version again.', Noun(id), name, where)
        : vscode.l10n.t('{0} {1} failed. See its properties for details, fix the cause and create the version again.', Noun(id), name);
      void vscode.window.showErrorMessage(inertNotificationText(message));
      return;
    }
    const regions = progress ? ` and replicated to ${progress.regions} region${progress.regions === 1 ? '' : 's'}` : '';
    this.log.info(`${Noun(id)} ${name} is ready${regions}.`);
    void vscode.window.showInformationMessage(
      !progress
        ? vscode.l10n.t('{0} {1} is ready.', Noun(id), name)
        : progress.regions === 1
          ? vscode.l10n.t('{0} {1} is ready and replicated to 1 region.', Noun(id), name)
          : vscode.l10n.t('{0} {1} is ready and replicated to {2} regions.', Noun(id), name, progress.regions),
    );
  }
}
