import * as vscode from 'vscode';
import type { TreeNode } from './TreeNode';

/** A resource being created from a form: shown under its parent with a spinner until the request finishes. */
export interface CreatingChild {
  /** Lower-cased ARM id of the new resource. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

export class CreatingNode implements TreeNode {
  constructor(
    readonly parent: TreeNode,
    private readonly child: CreatingChild,
  ) {}

  get id(): string {
    return this.child.id;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.child.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.child.id;
    item.description = this.child.description;
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = 'creating';
    item.accessibilityInformation = { label: `${this.child.label}, ${this.child.description}` };
    return item;
  }
}
