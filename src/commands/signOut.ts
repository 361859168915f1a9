import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';

export async function signOut(account: AzureAccount): Promise<void> {
  await account.signOut();
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Compute Gallery no longer uses your Azure account. To remove the account from VS Code itself, use the Accounts menu in the activity bar.'),
  );
}
