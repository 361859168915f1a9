import * as vscode from 'vscode';
import { describeArmError } from '../azure/armError';
import type { SubscriptionInfo } from '../azure/services';
import { ErrorNode, MessageNode } from './MessageNodes';
import { SubscriptionNode } from './SubscriptionNode';
import type { RefreshableNode, TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** "tenantId/subscriptionId" entries of the azureComputeGallery.selectedSubscriptions setting. */
export function selectedSubscriptionIds(): Set<string> {
  const raw = vscode.workspace.getConfiguration('azureComputeGallery').get<unknown>('selectedSubscriptions');
  const entries = Array.isArray(raw) ? raw.filter((e): e is string => typeof e === 'string') : [];
  return new Set(entries.map((e) => (e.split('/').pop() ?? e).toLowerCase()));
}

/** The signed-in account: its subscriptions across every tenant it can reach. */
export class AccountNode implements RefreshableNode {
  readonly parent = undefined;
  private subscriptions: SubscriptionNode[] | undefined;
  private tenantProblems: TreeNode[] = [];
  private error: unknown;

  constructor(
    private readonly ctx: TreeContext,
    readonly accountLabel: string,
    readonly cloudName: string,
  ) {}

  get id(): string {
    return `account/${this.accountLabel}`.toLowerCase();
  }

  reset(): void {
    this.subscriptions = undefined;
    this.tenantProblems = [];
    this.error = undefined;
  }

  private async load(signal: AbortSignal): Promise<void> {
    const services = await this.ctx.account.services();
    const tenants = await services.listTenants({ signal });
    const found = new Map<string, SubscriptionInfo>();
    const problems: TreeNode[] = [];
    // A service principal may see no tenants list at all: then ask with the home tenant's token.
    const targets = tenants.length > 0 ? tenants : [{ tenantId: undefined, displayName: 'home tenant' }];
    for (const tenant of targets) {
      try {
        for (const s of await services.listSubscriptions(tenant.tenantId, { signal })) {
          found.set(s.subscriptionId.toLowerCase(), s);
        }
      } catch (err) {
        if (describeArmError(err).cancelled) {
          throw err;
        }
        this.ctx.log.warn(`Couldn't list subscriptions of tenant ${tenant.displayName} (${tenant.tenantId ?? 'home'}): ${describeArmError(err).message}`);
        problems.push(new ErrorNode(this, `Couldn't list subscriptions of tenant ${tenant.displayName}`, err));
      }
    }
    const selected = selectedSubscriptionIds();
    const visible = [...found.values()]
      .filter((s) => selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    this.subscriptions = visible.map((s) => new SubscriptionNode(this.ctx, this, s));
    this.tenantProblems = problems;
  }

  async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    if (!this.subscriptions && this.error === undefined) {
      try {
        await this.load(signal);
      } catch (err) {
        if (describeArmError(err).cancelled) {
          return [];
        }
        this.error = err;
        this.ctx.log.error(`Couldn't list subscriptions: ${describeArmError(err).message}`);
      }
    }
    if (this.error !== undefined) {
      return [new ErrorNode(this, "Couldn't list subscriptions", this.error)];
    }
    const subs = this.subscriptions ?? [];
    if (subs.length === 0 && this.tenantProblems.length === 0) {
      return [new MessageNode(this, 'empty', 'No subscriptions found for this account', 'info')];
    }
    return [...subs, ...this.tenantProblems];
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.accountLabel, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = this.cloudName === 'AzureCloud' ? undefined : this.cloudName;
    item.contextValue = 'account';
    item.iconPath = new vscode.ThemeIcon('account');
    return item;
  }
}
