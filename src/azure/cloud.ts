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
      `The custom cloud setting "microsoft-sovereign-cloud.customEnvironment" has no "${field}". Add it in Settings, or set "microsoft-sovereign-cloud.environment" to a built-in cloud.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new CloudConfigurationError(
      `"microsoft-sovereign-cloud.customEnvironment.${field}" is not a valid URL: ${JSON.stringify(value)}. Fix it in Settings.`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new CloudConfigurationError(
      `"microsoft-sovereign-cloud.customEnvironment.${field}" must use https (Azure sign-in tokens are only sent over TLS). Fix it in Settings.`,
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
          'The custom cloud is chosen but "microsoft-sovereign-cloud.customEnvironment" is not set. Add its endpoints in Settings.',
        );
      }
      const settings = custom as CustomEnvironmentSetting;
      const arm = requireHttpsUrl(settings.resourceManagerEndpointUrl, 'resourceManagerEndpointUrl');
      const audience = settings.managementEndpointUrl ?? settings.activeDirectoryResourceId;
      const scopeBase = requireHttpsUrl(audience, 'managementEndpointUrl');
      const portal = typeof settings.portalUrl === 'string' && settings.portalUrl ? requireHttpsUrl(settings.portalUrl, 'portalUrl') : arm;
      return {
        name: typeof settings.name === 'string' && settings.name.trim() ? settings.name.trim() : 'Custom cloud',
        resourceManagerEndpointUrl: withSlash(arm),
        portalUrl: withoutSlash(portal),
        armScope: `${withSlash(scopeBase)}.default`,
        authProviderId: 'microsoft-sovereign-cloud',
        isCustomCloud: true,
      };
    }
    default:
      throw new CloudConfigurationError(
        `"microsoft-sovereign-cloud.environment" has an unknown value ${JSON.stringify(environment)}. Use "ChinaCloud", "USGovernment" or "custom", or remove it for Azure public cloud.`,
      );
  }
}

/** The portal address of a resource in the given cloud (tenant-qualified when the tenant is known). */
export function portalUrlForResource(cloud: CloudEnvironment, resourceId: string, tenantId?: string): string {
  const tenant = tenantId ? `@${encodeURIComponent(tenantId)}/` : '';
  return `${cloud.portalUrl}/#${tenant}resource${resourceId}/overview`;
}
