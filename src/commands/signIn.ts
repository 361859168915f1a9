import type { AzureAccount } from '../azure/AzureAccount';

export async function signIn(account: AzureAccount): Promise<void> {
  await account.signIn();
}
