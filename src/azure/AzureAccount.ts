import * as vscode from 'vscode';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { CloudConfigurationError, resolveCloud } from './cloud';
import type { CloudEnvironment } from './cloud';
import { NotSignedInError } from './armError';
import { tokenExpiresOn } from './tokenExpiry';
import { lazyImport } from './lazyImport';
import { loadArmServices } from './loadArm';
import type { ArmServices, CredentialSource } from './services';
import type * as IdentityCredentialModule from './identityCredential';

type IdentityModule = typeof IdentityCredentialModule;

export type SignInMethod = 'vscode' | 'azureIdentity';

export type SignInState =
  | { readonly kind: 'signedIn'; readonly accountLabel: string; readonly cloud: CloudEnvironment }
  | { readonly kind: 'signedOut'; readonly cloud: CloudEnvironment }
  | { readonly kind: 'misconfigured'; readonly message: string; /** The setting that fixes it. */ readonly setting: string };

/** VS Code hosts without Microsoft sign-in (code-server, some remotes) have no such provider at all. */
function isMissingProvider(err: unknown): boolean {
  return err instanceof Error && /no authentication provider/i.test(err.message);
}

function missingProviderMessage(providerId: string): string {
  return `This VS Code has no "${providerId}" sign-in (code-server and some remotes don't). Set "azureComputeGallery.signInMethod" to "azureIdentity" to sign in with Azure CLI, Azure Developer CLI or environment credentials.`;
}

const SIGNED_OUT_KEY = 'azureComputeGallery.signedOut';
const ACCOUNT_KEY = 'azureComputeGallery.accountId';

const loadIdentity: () => Promise<IdentityModule> = lazyImport(() => import('./identityCredential'));

/**
 * The signed-in Azure account: which cloud, which sign-in method, and credentials per tenant.
 * Sign-in goes through VS Code's built-in Microsoft authentication (provider `microsoft`, or
 * `microsoft-sovereign-cloud` for sovereign and custom clouds); `@azure/identity` is opt-in.
 */
export class AzureAccount implements vscode.Disposable, CredentialSource {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the account, the cloud or the sign-in method changes: everything must refresh. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private servicesPromise: Promise<ArmServices> | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.authentication.onDidChangeSessions((e) => {
        if (this.method === 'vscode' && e.provider.id === this.tryCloud()?.authProviderId) {
          this.log.info(`Sign-in sessions of "${e.provider.id}" changed.`);
          this.reset();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('microsoft-sovereign-cloud') || e.affectsConfiguration('azureComputeGallery.signInMethod')) {
          this.log.info('Cloud or sign-in settings changed: reloading everything.');
          this.reset();
        }
      }),
    );
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private reset(): void {
    this.servicesPromise = undefined;
    this.changed.fire();
  }

  get method(): SignInMethod {
    return vscode.workspace.getConfiguration('azureComputeGallery').get<string>('signInMethod') === 'azureIdentity'
      ? 'azureIdentity'
      : 'vscode';
  }

  /** The configured cloud; throws {@link CloudConfigurationError} with a fix-it message when settings are wrong. */
  getCloud(): CloudEnvironment {
    const config = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
    return resolveCloud(config.get('environment'), config.get('customEnvironment'));
  }

  private tryCloud(): CloudEnvironment | undefined {
    try {
      return this.getCloud();
    } catch {
      return undefined;
    }
  }

  private scopesFor(cloud: CloudEnvironment, tenantId: string | undefined, requested?: string | string[]): string[] {
    const scopes = requested === undefined ? [cloud.armScope] : Array.isArray(requested) ? [...requested] : [requested];
    if (tenantId) {
      scopes.push(`VSCODE_TENANT:${tenantId}`);
    }
    return scopes;
  }

  private async accountFilter(cloud: CloudEnvironment): Promise<vscode.AuthenticationSessionAccountInformation | undefined> {
    const wanted = this.memento.get<string>(ACCOUNT_KEY);
    if (!wanted) {
      return undefined;
    }
    const accounts = await vscode.authentication.getAccounts(cloud.authProviderId);
    return accounts.find((a) => a.id === wanted);
  }

  private async silentSession(cloud: CloudEnvironment, tenantId?: string, scopes?: string | string[]): Promise<vscode.AuthenticationSession | undefined> {
    const account = await this.accountFilter(cloud);
    return vscode.authentication.getSession(cloud.authProviderId, this.scopesFor(cloud, tenantId, scopes), {
      silent: true,
      ...(account ? { account } : {}),
    });
  }

  async getSignInState(): Promise<SignInState> {
    let cloud: CloudEnvironment;
    try {
      cloud = this.getCloud();
    } catch (err) {
      if (err instanceof CloudConfigurationError) {
        return { kind: 'misconfigured', message: err.message, setting: 'microsoft-sovereign-cloud' };
      }
      throw err;
    }
    if (this.memento.get<boolean>(SIGNED_OUT_KEY)) {
      return { kind: 'signedOut', cloud };
    }
    if (this.method === 'azureIdentity') {
      return { kind: 'signedIn', accountLabel: 'Azure CLI / azd / environment credentials', cloud };
    }
    try {
      const session = await this.silentSession(cloud);
      return session ? { kind: 'signedIn', accountLabel: session.account.label, cloud } : { kind: 'signedOut', cloud };
    } catch (err) {
      if (isMissingProvider(err)) {
        return { kind: 'misconfigured', message: missingProviderMessage(cloud.authProviderId), setting: 'azureComputeGallery.signInMethod' };
      }
      throw err;
    }
  }

  /** Asks VS Code to sign in (VS Code shows its own consent and account dialogs). Returns false when the user cancels. */
  async signIn(): Promise<boolean> {
    const cloud = this.getCloud();
    await this.memento.update(SIGNED_OUT_KEY, undefined);
    if (this.method === 'azureIdentity') {
      // Prove the credential works now, so a failure is reported at sign-in rather than in the tree.
      await this.credential(undefined).getToken(cloud.armScope);
      this.reset();
      return true;
    }
    let session: vscode.AuthenticationSession;
    try {
      session = await vscode.authentication.getSession(cloud.authProviderId, [cloud.armScope], {
        createIfNone: true,
        clearSessionPreference: true,
      });
    } catch (err) {
      throw isMissingProvider(err) ? new NotSignedInError(missingProviderMessage(cloud.authProviderId)) : err;
    }
    await this.memento.update(ACCOUNT_KEY, session.account.id);
    this.log.info(`Signed in as ${session.account.label} (${cloud.name}).`);
    this.reset();
    return true;
  }

  /** VS Code does not let extensions remove accounts; we stop using it until the next sign-in. */
  async signOut(): Promise<void> {
    await this.memento.update(SIGNED_OUT_KEY, true);
    await this.memento.update(ACCOUNT_KEY, undefined);
    this.reset();
  }

  credential(tenantId: string | undefined): TokenCredential {
    return {
      getToken: async (scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => {
        const cloud = this.getCloud();
        const tenant = options?.tenantId ?? tenantId;
        if (this.memento.get<boolean>(SIGNED_OUT_KEY)) {
          throw new NotSignedInError();
        }
        if (this.method === 'azureIdentity') {
          const { createIdentityCredential } = await loadIdentity();
          try {
            return await createIdentityCredential(tenant).getToken(scopes, options);
          } catch (err) {
            const reason = err instanceof Error ? err.message : String(err);
            throw new NotSignedInError(
              `Signing in through Azure CLI, Azure Developer CLI or environment credentials failed: ${reason} Run "az login" (or "azd auth login", or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET), or set "azureComputeGallery.signInMethod" back to "vscode".`,
            );
          }
        }
        const session = await this.silentSession(cloud, tenant, scopes);
        if (!session) {
          throw new NotSignedInError(
            tenant ? `You are not signed in to tenant ${tenant}.` : 'You are not signed in to Azure.',
          );
        }
        return { token: session.accessToken, expiresOnTimestamp: tokenExpiresOn(session.accessToken), tokenType: 'Bearer' };
      },
    };
  }

  /** The Azure layer, loaded on first use and rebuilt when the cloud or account changes. */
  services(): Promise<ArmServices> {
    this.servicesPromise ??= (async () => {
      const cloud = this.getCloud();
      const create = await loadArmServices();
      return create({ cloud, credentials: this, log: (line) => this.log.debug(line) });
    })();
    const pending = this.servicesPromise;
    pending.catch(() => {
      if (this.servicesPromise === pending) {
        this.servicesPromise = undefined;
      }
    });
    return pending;
  }
}
