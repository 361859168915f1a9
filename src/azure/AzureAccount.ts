import * as vscode from 'vscode';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import {
  CloudConfigurationError,
  USER_ONLY_SETTINGS,
  armHostNeedsConfirmation,
  armOrigin,
  parseTrustedArmHosts,
  resolveCloud,
  userOnlySettings,
} from './cloud';
import type { CloudEnvironment, UserOnlySettingName, UserOnlySettings } from './cloud';
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
  return vscode.l10n.t('This VS Code has no "{0}" sign-in (code-server and some remotes don\'t). Set "azureComputeGallery.signInMethod" to "azureIdentity" to sign in with Azure CLI, Azure Developer CLI or environment credentials.', providerId);
}

const SIGNED_OUT_KEY = 'azureComputeGallery.signedOut';
const ACCOUNT_KEY = 'azureComputeGallery.accountId';
/** ARM origins of custom clouds the user allowed to receive their token (global state: per user, not per workspace). */
const CONFIRMED_ARM_HOSTS_KEY = 'azureComputeGallery.confirmedArmHosts';

/** Reads one setting as VS Code reports it per scope (user, workspace, folder, default). */
function inspectSetting(name: UserOnlySettingName): ReturnType<vscode.WorkspaceConfiguration['inspect']> {
  const dot = name.lastIndexOf('.');
  return vscode.workspace.getConfiguration(name.slice(0, dot)).inspect(name.slice(dot + 1));
}

/** What decides where the token goes; a change of anything else (e.g. only a workspace value) reloads nothing. */
function effectiveKey(settings: UserOnlySettings): string {
  const { environment, customEnvironment, signInMethod, trustedArmHosts } = settings;
  return JSON.stringify([environment, customEnvironment, signInMethod, trustedArmHosts]);
}

function unconfirmedHostMessage(origin: string): string {
  return vscode.l10n.t('Your Azure sign-in token is not sent to {0} until you allow it: sign in again to confirm this host, or add it to "azureComputeGallery.trustedArmHosts" in your user settings.', origin);
}

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
  /** Settings whose workspace value the user was already told we ignore (once per session each). */
  private readonly toldIgnored = new Set<string>();
  private readonly toldInvalidHosts = new Set<string>();
  private effective: string;

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
        if (Object.values(USER_ONLY_SETTINGS).some((name) => e.affectsConfiguration(name))) {
          const now = effectiveKey(this.userSettings());
          if (now !== this.effective) {
            this.effective = now;
            this.log.info('Cloud or sign-in settings changed: reloading everything.');
            this.reset();
          }
        }
      }),
    );
    this.effective = effectiveKey(this.userSettings());
  }

  /**
   * Cloud, custom endpoints, sign-in method and trusted hosts from the user's own settings only
   * (issue 9: an opened folder must not redirect the token). Ignored workspace values are reported
   * once per session, with a way to the user settings.
   */
  private userSettings(): UserOnlySettings {
    const settings = userOnlySettings(inspectSetting);
    const untold = settings.ignoredWorkspaceSettings.filter((name) => !this.toldIgnored.has(name));
    if (untold.length > 0) {
      untold.forEach((name) => this.toldIgnored.add(name));
      const list = untold.map((name) => `"${name}"`).join(', ');
      const message = vscode.l10n.t('Azure Compute Gallery ignored {0} from this workspace\'s settings. Where your Azure sign-in token is sent, and how you sign in, is only taken from your user settings.', list);
      this.log.warn(message);
      const open = vscode.l10n.t('Open User Settings');
      void vscode.window.showWarningMessage(message, open).then(
        async (choice) => {
          if (choice === open) {
            await vscode.commands.executeCommand('workbench.action.openSettingsJson');
          }
        },
      ).then(undefined, (err: unknown) => this.log.error(`Couldn't open the user settings: ${err instanceof Error ? err.message : String(err)}`));
    }
    return settings;
  }

  private trustedArmOrigins(settings: UserOnlySettings): readonly string[] {
    const { origins, invalid } = parseTrustedArmHosts(settings.trustedArmHosts);
    for (const entry of invalid.filter((e) => !this.toldInvalidHosts.has(e))) {
      this.toldInvalidHosts.add(entry);
      this.log.warn(`"azureComputeGallery.trustedArmHosts" has an entry that is not an https host, ignored: ${JSON.stringify(entry)}`);
    }
    return origins;
  }

  /** True when the cloud's ARM host may receive the token (Microsoft's, listed as trusted, or confirmed before). */
  private armHostAllowed(cloud: CloudEnvironment): boolean {
    const confirmed = this.memento.get<string[]>(CONFIRMED_ARM_HOSTS_KEY) ?? [];
    return !armHostNeedsConfirmation(cloud, this.trustedArmOrigins(this.userSettings()), confirmed);
  }

  /** Asks once per host (modal) before the token goes to a custom cloud's ARM that is not Microsoft's. */
  private async confirmArmHost(cloud: CloudEnvironment): Promise<boolean> {
    if (this.armHostAllowed(cloud)) {
      return true;
    }
    const origin = armOrigin(cloud);
    const allow = vscode.l10n.t('Allow');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Send your Azure sign-in token to {0}?', origin),
      {
        modal: true,
        detail: vscode.l10n.t('Your custom cloud "{0}" (user setting "microsoft-sovereign-cloud.customEnvironment") sends Azure Resource Manager requests to {1}, which is not a Microsoft Azure host. Every request carries your sign-in token. Allow only a host you run or trust, such as your Azure Stack Hub. Allow is remembered for this host.', cloud.name, origin),
      },
      allow,
    );
    if (answer !== allow) {
      this.log.info(`Sending the Azure sign-in token to ${origin} was not allowed; nothing was sent.`);
      return false;
    }
    const confirmed = this.memento.get<string[]>(CONFIRMED_ARM_HOSTS_KEY) ?? [];
    await this.memento.update(CONFIRMED_ARM_HOSTS_KEY, [...confirmed.filter((o) => o !== origin), origin]);
    this.log.info(`Sending the Azure sign-in token to ${origin} allowed (remembered).`);
    return true;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private reset(): void {
    this.servicesPromise = undefined;
    this.changed.fire();
  }

  /** From the user's settings only: a workspace cannot switch the user to CLI credentials. */
  get method(): SignInMethod {
    return this.userSettings().signInMethod === 'azureIdentity' ? 'azureIdentity' : 'vscode';
  }

  /** The user's cloud; throws {@link CloudConfigurationError} with a fix-it message when settings are wrong. */
  getCloud(): CloudEnvironment {
    const settings = this.userSettings();
    return resolveCloud(settings.environment, settings.customEnvironment);
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
    const signedIn = (accountLabel: string): SignInState =>
      this.armHostAllowed(cloud)
        ? { kind: 'signedIn', accountLabel, cloud }
        : { kind: 'misconfigured', message: unconfirmedHostMessage(armOrigin(cloud)), setting: USER_ONLY_SETTINGS.trustedArmHosts };
    if (this.method === 'azureIdentity') {
      return signedIn(vscode.l10n.t('Azure CLI / azd / environment credentials'));
    }
    try {
      const session = await this.silentSession(cloud);
      return session ? signedIn(session.account.label) : { kind: 'signedOut', cloud };
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
    if (!(await this.confirmArmHost(cloud))) {
      return false;
    }
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
              vscode.l10n.t('Signing in through Azure CLI, Azure Developer CLI or environment credentials failed: {0} Run "az login" (or "azd auth login", or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET), or set "azureComputeGallery.signInMethod" back to "vscode".', reason),
            );
          }
        }
        const session = await this.silentSession(cloud, tenant, scopes);
        if (!session) {
          throw new NotSignedInError(
            tenant ? vscode.l10n.t('You are not signed in to tenant {0}.', tenant) : vscode.l10n.t('You are not signed in to Azure.'),
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
      if (!this.armHostAllowed(cloud)) {
        throw new NotSignedInError(unconfirmedHostMessage(armOrigin(cloud)));
      }
      const create = await loadArmServices();
      return create({ cloud, credentials: this, log: (line) => this.log.debug(line), ...(vscode.l10n.bundle ? { l10nBundle: vscode.l10n.bundle } : {}) });
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
