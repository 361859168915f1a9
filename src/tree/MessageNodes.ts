import * as vscode from 'vscode';
import { describeArmError } from '../azure/armError';
import type { TreeNode } from './TreeNode';

/** "Load more…": shown after the last item of a list that has a nextLink. */
export class LoadMoreNode implements TreeNode {
  loading = false;
  constructor(
    readonly parent: TreeNode,
    private readonly what: string,
  ) {}

  get id(): string {
    return `${this.parent.id}#loadmore`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.loading ? vscode.l10n.t('Loading more {0}…', this.what) : vscode.l10n.t('Load more {0}…', this.what));
    item.id = this.id;
    item.contextValue = 'loadMore';
    item.iconPath = new vscode.ThemeIcon(this.loading ? 'loading~spin' : 'ellipsis');
    item.command = { command: 'azureComputeGallery.loadMore', title: vscode.l10n.t('Load more'), arguments: [this] };
    item.accessibilityInformation = { label: vscode.l10n.t('Load more {0}', this.what), role: 'button' };
    return item;
  }
}

/** A list that could not be loaded: the message, and a retry action instead of a thrown error. */
export class ErrorNode implements TreeNode {
  constructor(
    readonly parent: TreeNode | undefined,
    private readonly action: string,
    private readonly error: unknown,
    /** Tells apart several errors under one parent (e.g. "tenant/<tenantId>"): tree ids must be unique. */
    private readonly key?: string,
  ) {}

  get id(): string {
    return `${this.parent?.id ?? 'root'}#error${this.key === undefined ? '' : `/${this.key.toLowerCase()}`}`;
  }

  getTreeItem(): vscode.TreeItem {
    const info = describeArmError(this.error);
    const item = new vscode.TreeItem(vscode.l10n.t('{0} — click to retry', this.action));
    item.id = this.id;
    item.description = info.code ? `${info.code}: ${info.message}` : info.message;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${this.action}.\n\n`);
    tooltip.appendText(info.code ? `${info.code}: ${info.message}\n\n` : `${info.message}\n\n`);
    tooltip.appendText(info.nextStep);
    item.tooltip = tooltip;
    item.contextValue = 'error';
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.command = { command: 'azureComputeGallery.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
    // The red icon says "error"; "click" is no instruction for a keyboard.
    item.accessibilityInformation = { label: vscode.l10n.t('Error: {0}, {1}, press Enter to retry', this.action, item.description) };
    return item;
  }
}

/** An empty list: says so, and optionally offers the command that fills it. */
export class MessageNode implements TreeNode {
  constructor(
    readonly parent: TreeNode | undefined,
    private readonly key: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly command?: vscode.Command,
  ) {}

  get id(): string {
    return `${this.parent?.id ?? 'root'}#${this.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label);
    item.id = this.id;
    item.contextValue = 'message';
    item.iconPath = new vscode.ThemeIcon(this.icon);
    const severity = this.icon === 'error' ? vscode.l10n.t('Error: ') : this.icon === 'warning' ? vscode.l10n.t('Warning: ') : '';
    item.accessibilityInformation = { label: `${severity}${this.label}` };
    if (this.command) {
      item.command = this.command;
    }
    return item;
  }
}
