import * as vscode from 'vscode';
import { describeArmError } from '../azure/armError';
import { listSubscriptionsOfTenants, type SubscriptionsOfTenants } from '../azure/tenantSubscriptions';
import { ErrorNode, MessageNode } from './MessageNodes';
import { accessibleLabel } from './resourceItem';
import { SubscriptionNode } from './SubscriptionNode';
import type { RefreshableNode, TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** "tenantId/subscriptionId" entries of the azureComputeGallery.selectedSubscriptions setting. */
export function selectedSubscriptionEntries(): string[] {
  const raw = vscode.workspace.getConfiguration('azureComputeGallery').get<unknown>('selectedSubscriptions');
  return Array.isArray(raw) ? raw.filter((e): e is string => typeof e === 'string') : [];
}

/** Lower-cased subscription ids of the azureComputeGallery.selectedSubscriptions setting. */
export function selectedSubscriptionIds(): Set<string> {
  return new Set(selectedSubscriptionEntries().map((e) => (e.split('/').pop() ?? e).toLowerCase()));
}

/** The signed-in account: its subscriptions across every tenant it can reach. */
export class AccountNode implements RefreshableNode {
  readonly parent = undefined;
  private subscriptions: SubscriptionNode[] | undefined;
  private tenantProblems: TreeNode[] = [];
  private error: unknown;
  /** Bumped by reset(): subscriptions listed before it are dropped. */
  private generation = 0;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly ctx: TreeContext,
    readonly accountLabel: string,
    readonly cloudName: string,
  ) {}

  get id(): string {
    return `account/${this.accountLabel}`.toLowerCase();
  }

  reset(): void {
    this.generation++;
    this.loading = undefined;
    this.subscriptions = undefined;
    this.tenantProblems = [];
    this.error = undefined;
  }

  private async load(signal: AbortSignal, generation: number): Promise<void> {
    let listed: SubscriptionsOfTenants;
    try {
      listed = await listSubscriptionsOfTenants(await this.ctx.account.services(), signal);
    } catch (err) {
      if (generation !== this.generation) {
        return;
      }
      if (describeArmError(err).cancelled) {
        this.loading = undefined;
        throw err;
      }
      this.error = err;
      this.ctx.log.error(`Couldn't list subscriptions: ${describeArmError(err).message}`);
      return;
    }
    if (generation !== this.generation) {
      return;
    }
    for (const f of listed.failures) {
      this.ctx.log.warn(`Couldn't list subscriptions of tenant ${f.label}: ${describeArmError(f.error).message}`);
    }
    const selected = selectedSubscriptionIds();
    this.subscriptions = listed.subscriptions
      .filter((s) => selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()))
      .map((s) => new SubscriptionNode(this.ctx, this, s));
    // One error node per tenant, each with its own id (two failing tenants must not share one).
    this.tenantProblems = listed.failures.map((f) => new ErrorNode(this, vscode.l10n.t("Couldn't list subscriptions of tenant {0}", f.label), f.error, `tenant/${f.tenantId ?? 'home'}`));
  }

  async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    // A refresh while subscriptions are being listed starts a newer listing: answer with that one.
    while (!this.subscriptions && this.error === undefined) {
      this.loading ??= this.load(signal, this.generation);
      try {
        await this.loading;
      } catch (err) {
        if (describeArmError(err).cancelled) {
          return [];
        }
        throw err;
      }
    }
    if (this.error !== undefined) {
      return [new ErrorNode(this, vscode.l10n.t("Couldn't list subscriptions"), this.error)];
    }
    const subs = this.subscriptions ?? [];
    if (subs.length === 0 && this.tenantProblems.length === 0) {
      return [new MessageNode(this, 'empty', vscode.l10n.t('No subscriptions found for this account'), 'info')];
    }
    return [...subs, ...this.tenantProblems];
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.accountLabel, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = this.cloudName === 'AzureCloud' ? undefined : this.cloudName;
    item.contextValue = 'account';
    item.iconPath = new vscode.ThemeIcon('account');
    item.accessibilityInformation = { label: accessibleLabel(vscode.l10n.t('Azure account'), this.accountLabel, item.description) };
    return item;
  }
}
