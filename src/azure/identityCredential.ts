/**
 * Opt-in sign-in through `@azure/identity` (Azure CLI, Azure Developer CLI, environment / service
 * principal), for VS Code hosts without Microsoft sign-in. Entry of its own lazily loaded bundle
 * (dist/identity.js).
 */
import { AzureCliCredential, AzureDeveloperCliCredential, ChainedTokenCredential, EnvironmentCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/core-auth';

export function createIdentityCredential(tenantId: string | undefined): TokenCredential {
  const tenant = tenantId ? { tenantId } : {};
  return new ChainedTokenCredential(
    new EnvironmentCredential(),
    new AzureCliCredential(tenant),
    new AzureDeveloperCliCredential(tenant),
  );
}
