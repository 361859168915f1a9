import * as l10n from '@vscode/l10n';
/**
 * The Azure cloud the user works in, resolved from VS Code's own Microsoft sign-in settings
 * (`microsoft-sovereign-cloud.environment` / `.customEnvironment`), so that ARM, portal and token
 * scope always come from the configured cloud and are never hard-coded elsewhere.
 *
 * Pure module: no `vscode` import, so unit tests can run it in plain Node.
 */

export type AuthProviderId = 'microsoft' | 'microsoft-sovereign-cloud';

export interface CloudEnvironment {
  /** Display name, e.g. "AzureCloud", "USGovernment" or the custom cloud's name. */
  readonly name: string;
  /** Azure Resource Manager base URL, always ending in '/'. */
  readonly resourceManagerEndpointUrl: string;
  /** Portal base URL, without a trailing '/'. */
  readonly portalUrl: string;
  /** The OAuth scope for ARM tokens, e.g. "https://management.core.windows.net//.default". */
  readonly armScope: string;
  /** The VS Code authentication provider that signs in to this cloud. */
  readonly authProviderId: AuthProviderId;
  readonly isCustomCloud: boolean;
}

/** The subset of `@azure/ms-rest-azure-env` EnvironmentParameters that VS Code's custom-cloud setting holds. */
export interface CustomEnvironmentSetting {
  name?: unknown;
  portalUrl?: unknown;
  resourceManagerEndpointUrl?: unknown;
  managementEndpointUrl?: unknown;
  activeDirectoryResourceId?: unknown;
}

export class CloudConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudConfigurationError';
  }
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);
const withoutSlash = (url: string): string => url.replace(/\/+$/, '');

function wellKnown(name: string, arm: string, management: string, portal: string): CloudEnvironment {
  return {
    name,
    resourceManagerEndpointUrl: withSlash(arm),
    portalUrl: withoutSlash(portal),
    armScope: `${withSlash(management)}.default`,
    authProviderId: name === 'AzureCloud' ? 'microsoft' : 'microsoft-sovereign-cloud',
    isCustomCloud: false,
  };
}

export const AzureCloud = wellKnown(
  'AzureCloud',
  'https://management.azure.com/',
  'https://management.core.windows.net/',
  'https://portal.azure.com',
);
export const ChinaCloud = wellKnown(
  'ChinaCloud',
  'https://management.chinacloudapi.cn/',
  'https://management.core.chinacloudapi.cn/',
  'https://portal.azure.cn',
);
export const USGovernment = wellKnown(
  'USGovernment',
  'https://management.usgovcloudapi.net/',
  'https://management.core.usgovcloudapi.net/',
  'https://portal.azure.us',
);

function requireHttpsUrl(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CloudConfigurationError(
      l10n.t('The custom cloud setting "microsoft-sovereign-cloud.customEnvironment" has no "{0}". Add it in Settings, or set "microsoft-sovereign-cloud.environment" to a built-in cloud.', field),
    );
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new CloudConfigurationError(
      l10n.t('"microsoft-sovereign-cloud.customEnvironment.{0}" is not a valid URL: {1}. Fix it in Settings.', field, JSON.stringify(value)),
    );
  }
  if (url.protocol !== 'https:') {
    throw new CloudConfigurationError(
      l10n.t('"microsoft-sovereign-cloud.customEnvironment.{0}" must use https (Azure sign-in tokens are only sent over TLS). Fix it in Settings.', field),
    );
  }
  return url.toString();
}

/**
 * Resolves the cloud from the two settings of VS Code's built-in Microsoft authentication.
 * @param environment value of `microsoft-sovereign-cloud.environment` (undefined, "ChinaCloud", "USGovernment" or "custom")
 * @param custom value of `microsoft-sovereign-cloud.customEnvironment`
 */
export function resolveCloud(environment: unknown, custom: unknown): CloudEnvironment {
  switch (environment) {
    case undefined:
    case null:
    case '':
    case 'AzureCloud':
      return AzureCloud;
    case 'ChinaCloud':
      return ChinaCloud;
    case 'USGovernment':
      return USGovernment;
    case 'custom': {
      if (typeof custom !== 'object' || custom === null) {
        throw new CloudConfigurationError(
          l10n.t('The custom cloud is chosen but "microsoft-sovereign-cloud.customEnvironment" is not set. Add its endpoints in Settings.'),
        );
      }
      const settings = custom as CustomEnvironmentSetting;
      const arm = requireHttpsUrl(settings.resourceManagerEndpointUrl, 'resourceManagerEndpointUrl');
      const audience = settings.managementEndpointUrl ?? settings.activeDirectoryResourceId;
      const scopeBase = requireHttpsUrl(audience, 'managementEndpointUrl');
      const portal = typeof settings.portalUrl === 'string' && settings.portalUrl ? requireHttpsUrl(settings.portalUrl, 'portalUrl') : arm;
      return {
        name: typeof settings.name === 'string' && settings.name.trim() ? settings.name.trim() : l10n.t('Custom cloud'),
        resourceManagerEndpointUrl: withSlash(arm),
        portalUrl: withoutSlash(portal),
        armScope: `${withSlash(scopeBase)}.default`,
        authProviderId: 'microsoft-sovereign-cloud',
        isCustomCloud: true,
      };
    }
    default:
      throw new CloudConfigurationError(
        l10n.t('"microsoft-sovereign-cloud.environment" has an unknown value {0}. Use "ChinaCloud", "USGovernment" or "custom", or remove it for Azure public cloud.', JSON.stringify(environment)),
      );
  }
}

/** The portal address of a resource in the given cloud (tenant-qualified when the tenant is known). */
export function portalUrlForResource(cloud: CloudEnvironment, resourceId: string, tenantId?: string): string {
  const tenant = tenantId ? `@${encodeURIComponent(tenantId)}/` : '';
  return `${cloud.portalUrl}/#${tenant}resource${resourceId}/overview`;
}

/*
 * Settings that decide where the user's Azure sign-in token goes (issue 9). A cloned repository's
 * `.vscode/settings.json` (or a `.code-workspace` file) must not be able to move the token to another
 * host or switch the credential, so these are read from the user's own settings only: VS Code's
 * `microsoft-sovereign-cloud.*` settings are window-scoped (we cannot change that), so merged
 * `get()` would hand us the workspace's value.
 */

/** The settings taken from the user's own (global / remote) settings only; workspace and folder values are ignored. */
export const USER_ONLY_SETTINGS = {
  environment: 'microsoft-sovereign-cloud.environment',
  customEnvironment: 'microsoft-sovereign-cloud.customEnvironment',
  signInMethod: 'azureComputeGallery.signInMethod',
  trustedArmHosts: 'azureComputeGallery.trustedArmHosts',
} as const;

export type UserOnlySettingName = (typeof USER_ONLY_SETTINGS)[keyof typeof USER_ONLY_SETTINGS];

/** The part of `WorkspaceConfiguration.inspect()` we read (VS Code's own shape). */
export interface InspectedSetting {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export interface UserOnlySettings {
  readonly environment: unknown;
  readonly customEnvironment: unknown;
  readonly signInMethod: unknown;
  readonly trustedArmHosts: unknown;
  /** Settings whose workspace or folder value differs from what is used, and was therefore ignored. */
  readonly ignoredWorkspaceSettings: readonly UserOnlySettingName[];
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * The security-relevant settings as the user set them: the user's value, else the default; never a
 * workspace or folder value. Also names the settings whose workspace value was ignored (a workspace
 * value equal to the user's changes nothing and is not reported).
 */
export function userOnlySettings(inspect: (name: UserOnlySettingName) => InspectedSetting | undefined): UserOnlySettings {
  const ignored: UserOnlySettingName[] = [];
  const read = (name: UserOnlySettingName): unknown => {
    const inspected = inspect(name);
    const value = inspected?.globalValue !== undefined ? inspected.globalValue : inspected?.defaultValue;
    for (const workspace of [inspected?.workspaceValue, inspected?.workspaceFolderValue]) {
      if (workspace !== undefined && !sameJson(workspace, value) && !ignored.includes(name)) {
        ignored.push(name);
      }
    }
    return value;
  };
  return {
    environment: read(USER_ONLY_SETTINGS.environment),
    customEnvironment: read(USER_ONLY_SETTINGS.customEnvironment),
    signInMethod: read(USER_ONLY_SETTINGS.signInMethod),
    trustedArmHosts: read(USER_ONLY_SETTINGS.trustedArmHosts),
    ignoredWorkspaceSettings: ignored,
  };
}

/** scheme://host[:port] of the cloud's Azure Resource Manager: the only origin that ever gets the token. */
export function armOrigin(cloud: CloudEnvironment): string {
  return new URL(cloud.resourceManagerEndpointUrl).origin;
}

/** ARM of Azure public cloud, Azure China and Azure US Government: no confirmation needed. */
const MICROSOFT_ARM_ORIGINS: ReadonlySet<string> = new Set([AzureCloud, ChinaCloud, USGovernment].map(armOrigin));

/**
 * The origins listed in `azureComputeGallery.trustedArmHosts` ("https://host[:port]" or "host[:port]";
 * https only). Entries that are not such a host are returned in `invalid`, to be reported.
 */
export function parseTrustedArmHosts(value: unknown): { readonly origins: readonly string[]; readonly invalid: readonly string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of Array.isArray(value) ? (value as unknown[]) : []) {
    const text = typeof entry === 'string' ? entry.trim() : '';
    let url: URL | undefined;
    try {
      url = text ? new URL(text.includes('://') ? text : `https://${text}`) : undefined;
    } catch {
      url = undefined;
    }
    if (url && url.protocol === 'https:' && url.hostname && !url.username && !url.password) {
      origins.push(url.origin);
    } else {
      invalid.push(typeof entry === 'string' ? entry : JSON.stringify(entry));
    }
  }
  return { origins, invalid };
}

/**
 * Whether the user must confirm, once per host, that their token may go to this cloud's ARM: true
 * for a custom cloud whose ARM is not one of Microsoft's (Azure Stack Hub included), unless the user
 * listed it in `azureComputeGallery.trustedArmHosts` or confirmed it before (`confirmedOrigins`).
 */
export function armHostNeedsConfirmation(cloud: CloudEnvironment, trustedOrigins: readonly string[], confirmedOrigins: readonly string[] = []): boolean {
  const origin = armOrigin(cloud);
  return !MICROSOFT_ARM_ORIGINS.has(origin) && !trustedOrigins.includes(origin) && !confirmedOrigins.includes(origin);
}
