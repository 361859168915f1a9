/**
 * What the generated schemas add to Microsoft's material, written by hand: per-value enum descriptions (the SDK's
 * `Known*` enums only repeat the value), defaults the docs state, formats and patterns, snippets, suggestion lists.
 *
 * Keys are `Definition.property` with the ARM template schema's definition names (e.g. `TargetRegion.storageAccountType`);
 * enum descriptions fall back from `Definition.property` to the bare property name.
 * Sources for the wording: learn.microsoft.com "Store and share images in an Azure Compute Gallery"
 * (https://learn.microsoft.com/azure/virtual-machines/shared-image-galleries), the swagger/SDK descriptions, and
 * test/fixtures/reference/ARM_BEHAVIOUR.md §5 for naming rules.
 */
import type { JSONSchema } from 'vscode-json-languageservice';
import { SOFT_DELETE_RETENTION_DAYS } from '../../domain/deletionSafety';
import { GALLERY_NAME_PATTERN, IMAGE_DEFINITION_NAME_PATTERN, identifierPattern, MANAGED_IMAGE_NAME_PATTERN } from '../../domain/names';
import { EMAIL_PATTERN, PUBLIC_NAME_PREFIX_MAX, PUBLIC_NAME_PREFIX_MIN, PUBLIC_NAME_PREFIX_PATTERN } from '../../domain/sharing';
import { VERSION_NAME_PATTERN, VERSION_PART_MAX_DIGITS } from '../../domain/versions';

const GEN2_NOTE = 'Generation 2 VMs boot with UEFI and are required for Trusted Launch and Confidential VMs.';

const STORAGE_ACCOUNT_TYPES: Readonly<Record<string, string>> = {
  Standard_LRS: 'Standard HDD storage, locally redundant (three copies in one datacenter).',
  Standard_ZRS:
    'Standard storage, zone-redundant (copies spread over availability zones). Recommended where the region supports zones: a zone outage does not take the replica down.',
  Premium_LRS: 'Premium SSD storage, locally redundant. Faster VM creation at scale; costs more.',
  PremiumV2_LRS: 'Premium SSD v2 storage, locally redundant. Needed to create Premium SSD v2 disks directly from the image.',
  StandardSSD_LRS: 'Standard SSD storage, locally redundant.',
  UltraSSD_LRS: 'Ultra Disk storage, locally redundant. Data disks only: it cannot be used for the OS disk.',
  Premium_ZRS: 'Premium SSD storage, zone-redundant.',
  StandardSSD_ZRS: 'Standard SSD storage, zone-redundant.',
};

const CACHING: Readonly<Record<string, string>> = {
  None: 'No host caching. Best for write-heavy or sequential workloads.',
  ReadOnly: 'Reads are cached on the host; writes go straight to storage. The usual choice for OS and read-heavy data disks.',
  ReadWrite: 'Reads and writes are cached on the host. Only for applications that handle write-back caching themselves.',
};

const OS_TYPES: Readonly<Record<string, string>> = {
  Windows: 'The disk holds a Windows operating system.',
  Linux: 'The disk holds a Linux operating system.',
};

const OS_STATES: Readonly<Record<string, string>> = {
  Generalized:
    'The source was generalized before capture (Sysprep on Windows, `waagent -deprovision` on Linux). VMs created from it get a new computer name and admin account through `osProfile`.',
  Specialized:
    'The source was captured as is: machine-specific data and accounts are kept, VMs boot faster, and VMs created from it take no `osProfile` (change the computer name afterwards).',
};

const HYPER_V_GENERATIONS: Readonly<Record<string, string>> = {
  V1: 'Generation 1 (BIOS boot). Used when nothing is specified.',
  V2: `Generation 2 (UEFI boot). ${GEN2_NOTE}`,
};

/** Per-value descriptions (markdown). Every enum value the schemas contain must be described here. */
export const ENUM_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  osType: OS_TYPES,
  osState: OS_STATES,
  'ImageOSDisk.osState': {
    Generalized: 'The disk was generalized (Sysprep / `waagent -deprovision`). Managed images should use this state.',
    Specialized: 'The disk was not generalized. Supported for managed images only in limited scenarios; prefer a gallery image definition for specialized images.',
  },
  hyperVGeneration: HYPER_V_GENERATIONS,
  architecture: {
    x64: 'x64 (AMD64) processors. Used when nothing is specified.',
    Arm64: 'Arm64 processors (for example the Dpsv5 / Epsv5 VM sizes).',
  },
  storageAccountType: STORAGE_ACCOUNT_TYPES,
  replicationMode: {
    Full: 'Copies the image to every target region. Required for production use at scale. Used when nothing is specified.',
    Shallow:
      'Skips the copy: the version is ready sooner but only a small number of VMs can be deployed from it. For development and test, or for very large (up to 32 TB) rarely deployed images.',
  },
  storageAccountStrategy: {
    PreferStandard_ZRS:
      'Use Standard_ZRS where the region supports it, otherwise Standard_LRS, unless a target region sets its own storageAccountType. The default from API version 2025-03-03 on.',
    DefaultStandard_LRS: 'Use Standard_LRS unless a target region sets its own storageAccountType.',
  },
  hostCaching: CACHING,
  caching: CACHING,
  confidentialVMEncryptionType: {
    EncryptedVMGuestStateOnlyWithPmk: 'Only the VM guest state is encrypted, with a platform-managed key.',
    EncryptedWithPmk: 'The OS disk and the VM guest state are encrypted with a platform-managed key.',
    EncryptedWithCmk: 'The OS disk and the VM guest state are encrypted with a customer-managed key (set `secureVMDiskEncryptionSetId`).',
    NonPersistedTPM: 'The virtual TPM state is not persisted: a fresh vTPM on every boot, with no guest-state encryption.',
  },
  permissions: {
    Private: 'Shared through Azure RBAC only (the default).',
    Groups: 'Directly shared with chosen subscriptions and tenants (the groups are managed through the gallery sharing API).',
    Community: 'Shared publicly with every Azure user as a community gallery. Needs `communityGalleryInfo`.',
  },
  'GalleryIdentity.type': {
    SystemAssigned: 'An identity created with the gallery and deleted with it.',
    UserAssigned: 'One or more existing user-assigned identities, listed in `userAssignedIdentities`.',
    'SystemAssigned, UserAssigned': 'Both a system-assigned identity and the listed user-assigned identities.',
    None: 'No managed identity; removes any the gallery had.',
  },
  'GalleryExtendedLocation.type': {
    EdgeZone: 'An Azure Edge Zone (Azure Public MEC) attached to the region.',
    Unknown: 'A location type this API version does not know.',
  },
  'ExtendedLocation.type': {
    EdgeZone: 'An Azure Edge Zone (Azure Public MEC) attached to the region.',
  },
  'UefiKey.type': {
    sha256: 'The values are SHA-256 hashes.',
    x509: 'The values are X.509 certificates (base64 DER).',
  },
  supportedOSType: {
    Windows: 'The application is installed on Windows VMs and scale sets.',
    Linux: 'The application is installed on Linux VMs and scale sets.',
  },
  'GalleryApplicationCustomActionParameter.type': {
    String: 'A plain string passed to the script (the default).',
    ConfigurationDataBlob: 'The URL of a blob holding configuration data the script reads.',
    LogOutputBlob: 'The URL of a blob the script writes its log output to.',
  },
  scriptBehaviorAfterReboot: {
    None: 'After a reboot during installation or update, the script is not run again (the default).',
    Rerun: 'After a reboot during installation or update, the install or update script runs again.',
  },
  signatureTemplateNames: {
    NoSignatureTemplate: 'Start from no default keys; only `additionalSignatures` are used.',
    MicrosoftUefiCertificateAuthorityTemplate: 'Microsoft UEFI CA keys: for Linux and other non-Windows boot loaders signed by Microsoft.',
    MicrosoftWindowsTemplate: 'Microsoft Windows production keys: for Windows images.',
  },
};

/** Property-level additions, keyed `Definition.property` (definitions of the ARM template schemas, or `<root>` for the body root). */
export interface PropertyOverlay {
  /** Replaces the generated markdown description (the plain description is kept for clients without markdown). */
  readonly markdownDescription?: string;
  /** Appended to the description (plain and markdown). */
  readonly note?: string;
  readonly default?: string | number | boolean;
  readonly format?: 'uri' | 'date-time';
  readonly pattern?: string;
  readonly patternErrorMessage?: string;
  /** Suggested values that are not enforced. */
  readonly suggestions?: readonly { value: string; description: string }[];
  readonly defaultSnippets?: readonly NonNullable<JSONSchema['defaultSnippets']>[number][];
  /** Emitted with `if`/`then` on the containing object: suggestions for `value` depending on `name`. */
  readonly conditionalValueSuggestions?: Readonly<Record<string, readonly { value: string; description: string }[]>>;
}

const RESOURCE_RANGE_SNIPPETS = (unit: string, min: number, max: number): PropertyOverlay['defaultSnippets'] => [
  { label: `{ min, max }`, description: `Recommended range of ${unit}.`, body: { min: `^\${1:${min}}`, max: `^\${2:${max}}` } },
];

export const PROPERTY_OVERLAYS: Readonly<Record<string, PropertyOverlay>> = {
  'GalleryImageProperties.hyperVGeneration': { default: 'V1' },
  'ImageProperties.hyperVGeneration': { default: 'V1' },
  'GalleryImageProperties.architecture': { default: 'x64' },
  'GalleryImageProperties.privacyStatementUri': { format: 'uri' },
  'GalleryImageProperties.releaseNoteUri': { format: 'uri' },
  'GalleryImageProperties.endOfLifeDate': {
    format: 'date-time',
    note: 'Informational: VMs can still be created after it. Azure rejects a date in the past when you create or update the definition.',
  },
  'GalleryImageVersionPublishingProfile.endOfLifeDate': {
    format: 'date-time',
    note: 'Informational: VMs can still be created after it. Azure rejects a date in the past when you create or update the version.',
  },
  'SoftDeletePolicy.isSoftDeleteEnabled': {
    default: false,
    note: `A deleted image version stays restorable for ${SOFT_DELETE_RETENTION_DAYS} days, then it is purged. A gallery or image definition that still holds soft-deleted versions cannot be deleted until they are purged. Needs API version 2024-03-03 or later.`,
  },
  'GalleryImageVersionSafetyProfile.blockDeletionBeforeEndOfLife': {
    default: false,
    note: 'Azure refuses to delete the version until `publishingProfile.endOfLifeDate` has passed; without an end-of-life date it cannot be deleted until this is turned off.',
  },
  'GalleryImageVersionSafetyProfile.allowDeletionOfReplicatedLocations': {
    default: false,
    note: 'While false, an update whose `publishingProfile.targetRegions` leaves out a region the version is already replicated to is refused. Setting it to true in the same update allows the removal.',
  },
  // No URI format for an application's privacyStatementUri / releaseNoteUri: Microsoft's own examples send plain text there.
  'GalleryApplicationProperties.endOfLifeDate': {
    format: 'date-time',
    note: 'Informational: the application can still be installed after it. Azure rejects a date in the past when you create or update the application.',
  },
  'GalleryApplicationVersionPublishingProfile.endOfLifeDate': {
    format: 'date-time',
    note: 'Informational: the version can still be installed after it. Azure rejects a date in the past when you create or update the version.',
  },
  'GalleryApplicationVersionPublishingProfile.excludeFromLatest': { default: false },
  'GalleryApplicationVersionPublishingProfile.enableHealthCheck': { default: false },
  'GalleryApplicationVersionPublishingProfile.replicationMode': { default: 'Full' },
  'GalleryApplicationVersionPublishingProfile.replicaCount': { default: 1 },
  'GalleryApplicationVersionPublishingProfile.storageAccountStrategy': { default: 'PreferStandard_ZRS' },
  'GalleryApplicationVersionPublishingProfile.targetRegions': {
    note: 'The version\'s own location (the source region) must be one of them. An update must list the complete set unless `safetyProfile.allowDeletionOfReplicatedLocations` is true.',
    defaultSnippets: [
      {
        label: 'Source region plus one replica region',
        body: [
          { name: '${1:West Europe}', regionalReplicaCount: 1, storageAccountType: '${2:Standard_ZRS}' },
          { name: '${3:North Europe}', regionalReplicaCount: 1, storageAccountType: '${4:Standard_LRS}' },
        ],
      },
    ],
  },
  'GalleryApplicationVersionSafetyProfile.allowDeletionOfReplicatedLocations': {
    default: false,
    note: 'While false, an update whose `publishingProfile.targetRegions` leaves out a region the version is already replicated to is refused. Setting it to true in the same update allows the removal.',
  },
  'UserArtifactSource.mediaLink': {
    format: 'uri',
    note: 'A page blob or block blob URL. If it carries a SAS token, keep the file out of source control: the token is a credential.',
  },
  'UserArtifactSource.defaultConfigurationLink': { format: 'uri' },
  'UserArtifactManage.install': { note: 'Runs in a shell (cmd on Windows) with the package downloaded into the working directory under the application\'s name; rename it if the installer needs an extension.' },
  'UserArtifactManage.remove': { note: 'Runs when the application is removed from the VM or scale set.' },
  'UserArtifactSettings.scriptBehaviorAfterReboot': { default: 'None' },
  'GalleryApplicationCustomActionParameter.type': { default: 'String' },
  'GalleryApplicationCustomActionParameter.required': { default: false },
  'CommunityGalleryInfo.publisherUri': { format: 'uri', note: 'Use an https address. Required before community sharing can be enabled.' },
  'CommunityGalleryInfo.publisherContact': {
    pattern: EMAIL_PATTERN,
    patternErrorMessage: 'An e-mail address, such as images@contoso.com.',
    note: 'Required before community sharing can be enabled.',
  },
  'CommunityGalleryInfo.eula': { note: 'A link (https) to the end-user license agreement of the images. Required before community sharing can be enabled.' },
  'CommunityGalleryInfo.publicNamePrefix': {
    pattern: PUBLIC_NAME_PREFIX_PATTERN,
    patternErrorMessage: `The public name prefix has ${PUBLIC_NAME_PREFIX_MIN} to ${PUBLIC_NAME_PREFIX_MAX} letters or digits.`,
    note: 'Azure adds a unique suffix when community sharing is enabled: the public name is `{prefix}-{GUID}`. Required before community sharing can be enabled.',
  },
  'GalleryProperties.sharingProfile': {
    note: 'A template or body file sets `permissions` and `communityGalleryInfo`. The subscriptions and tenants (`groups`) are changed only by the gallery\'s share action (POST …/share: Add, Remove, Reset, EnableCommunity), which is what "Share…" on the gallery in the Compute Gallery view sends.',
  },
  'GalleryDiskImageSource.uri': { format: 'uri' },
  'ImageOSDisk.blobUri': { format: 'uri' },
  'ImageDataDisk.blobUri': { format: 'uri' },
  'GalleryImageVersionPublishingProfile.excludeFromLatest': { default: false },
  'TargetRegion.excludeFromLatest': { default: false },
  'GalleryImageVersionPublishingProfile.replicationMode': { default: 'Full' },
  'GalleryImageVersionPublishingProfile.replicaCount': { default: 1 },
  'GalleryImageVersionPublishingProfile.storageAccountStrategy': { default: 'PreferStandard_ZRS' },
  'TargetRegion.regionalReplicaCount': { default: 1 },
  'SharingProfile.permissions': {
    default: 'Private',
    note: 'Community needs all of `communityGalleryInfo` (publisherUri, publisherContact, eula, publicNamePrefix); the gallery becomes public only when EnableCommunity is sent to its share action afterwards, and only Reset makes it private again.',
  },
  'ImageStorageProfile.zoneResilient': { default: false },
  'GalleryImageVersionPublishingProfile.targetRegions': {
    note: 'The version\'s own location (the source region) must be one of them. An update must list the complete set unless `safetyProfile.allowDeletionOfReplicatedLocations` is true.',
    defaultSnippets: [
      {
        label: 'Source region plus one replica region',
        body: [
          { name: '${1:West Europe}', regionalReplicaCount: 1, storageAccountType: '${2:Standard_ZRS}' },
          { name: '${3:North Europe}', regionalReplicaCount: 1, storageAccountType: '${4:Standard_LRS}' },
        ],
      },
    ],
  },
  'TargetRegion.name': {
    note: 'Region names are compared without case or spaces: "West Europe" and "westeurope" are the same region.',
  },
  'RecommendedMachineConfiguration.vCPUs': {
    note: 'Number of vCPUs; `min` must not be greater than `max`.',
    defaultSnippets: RESOURCE_RANGE_SNIPPETS('vCPUs', 2, 16),
  },
  'RecommendedMachineConfiguration.memory': {
    note: 'Memory in GB; `min` must not be greater than `max`.',
    defaultSnippets: RESOURCE_RANGE_SNIPPETS('memory in GB', 4, 64),
  },
  'GalleryImageProperties.identifier': {
    note: 'Publisher, offer and SKU together must be unique within the gallery; they cannot be changed later.',
    defaultSnippets: [
      { label: '{ publisher, offer, sku }', body: { publisher: '${1:myPublisher}', offer: '${2:myOffer}', sku: '${3:mySku}' } },
    ],
  },
  'GalleryImageIdentifier.publisher': { pattern: `^${identifierPattern(128)}$`, patternErrorMessage: 'Publisher: up to 128 letters, digits, periods, underscores or hyphens, not ending with a period.' },
  'GalleryImageIdentifier.offer': { pattern: `^${identifierPattern(64)}$`, patternErrorMessage: 'Offer: up to 64 letters, digits, periods, underscores or hyphens, not ending with a period.' },
  'GalleryImageIdentifier.sku': { pattern: `^${identifierPattern(64)}$`, patternErrorMessage: 'SKU: up to 64 letters, digits, periods, underscores or hyphens, not ending with a period.' },
  'GalleryImageProperties.features': {
    defaultSnippets: [
      {
        label: 'Trusted Launch supported',
        description: 'Gen2 image from which both Trusted Launch and standard Gen2 VMs can be created (needs hyperVGeneration V2).',
        body: [{ name: 'SecurityType', value: 'TrustedLaunchSupported' }],
      },
      {
        label: 'Trusted Launch + accelerated networking + NVMe',
        body: [
          { name: 'SecurityType', value: 'TrustedLaunchSupported' },
          { name: 'IsAcceleratedNetworkSupported', value: 'True' },
          { name: 'DiskControllerTypes', value: 'SCSI, NVMe' },
        ],
      },
    ],
  },
  'GalleryImageFeature.name': {
    suggestions: [
      { value: 'SecurityType', description: 'Which VM security types can be created from the image (Trusted Launch, Confidential VM). Needs hyperVGeneration V2.' },
      { value: 'IsAcceleratedNetworkSupported', description: 'Whether VMs from the image can use accelerated networking ("True" / "False").' },
      { value: 'IsHibernateSupported', description: 'Whether VMs from the image support hibernation ("True" / "False").' },
      { value: 'DiskControllerTypes', description: 'Disk controllers the image supports: "SCSI" or "SCSI, NVMe".' },
    ],
  },
  'GalleryImageFeature.value': {
    conditionalValueSuggestions: {
      SecurityType: [
        { value: 'TrustedLaunchSupported', description: 'Generic Gen2 image without a VMGS blob: standard Gen2 or Trusted Launch VMs.' },
        { value: 'TrustedLaunch', description: 'Only Trusted Launch VMs (private galleries only).' },
        { value: 'ConfidentialVmSupported', description: 'Generic Gen2 image without a VMGS blob: standard Gen2 or Confidential VMs.' },
        { value: 'ConfidentialVM', description: 'Only Confidential VMs (private galleries only).' },
        {
          value: 'TrustedLaunchAndConfidentialVmSupported',
          description: 'Generic Gen2 image without a VMGS blob: standard Gen2, Trusted Launch or Confidential VMs.',
        },
      ],
      IsAcceleratedNetworkSupported: [
        { value: 'True', description: 'VMs from the image can use accelerated networking.' },
        { value: 'False', description: 'Accelerated networking is not supported.' },
      ],
      IsHibernateSupported: [
        { value: 'True', description: 'VMs from the image can hibernate.' },
        { value: 'False', description: 'Hibernation is not supported.' },
      ],
      DiskControllerTypes: [
        { value: 'SCSI, NVMe', description: 'The image boots with SCSI or NVMe disk controllers.' },
        { value: 'SCSI', description: 'SCSI only.' },
      ],
    },
  },
  'GalleryImageVersionProperties.storageProfile': {
    note: 'Give exactly one source: `source.id` (managed image, VM, or another gallery version), `source.virtualMachineId`, or `osDiskImage.source` (snapshot, managed disk or VHD).',
    defaultSnippets: [
      {
        label: 'From a managed image or another image version',
        body: { source: { id: '/subscriptions/${1:subscriptionId}/resourceGroups/${2:resourceGroup}/providers/Microsoft.Compute/images/${3:imageName}' } },
      },
      {
        label: 'From a virtual machine',
        body: {
          source: { virtualMachineId: '/subscriptions/${1:subscriptionId}/resourceGroups/${2:resourceGroup}/providers/Microsoft.Compute/virtualMachines/${3:vmName}' },
        },
      },
      {
        label: 'From an OS disk snapshot',
        body: {
          osDiskImage: {
            source: { id: '/subscriptions/${1:subscriptionId}/resourceGroups/${2:resourceGroup}/providers/Microsoft.Compute/snapshots/${3:snapshotName}' },
            hostCaching: 'ReadOnly',
          },
        },
      },
      {
        label: 'From a VHD in a storage account',
        body: {
          osDiskImage: {
            source: {
              uri: 'https://${1:account}.blob.core.windows.net/${2:vhds}/${3:os.vhd}',
              storageAccountId: '/subscriptions/${4:subscriptionId}/resourceGroups/${5:resourceGroup}/providers/Microsoft.Storage/storageAccounts/${1:account}',
            },
          },
        },
      },
    ],
  },
  'ImageProperties.storageProfile': {
    defaultSnippets: [
      {
        label: 'From a VHD blob',
        body: { osDisk: { osType: '${1|Linux,Windows|}', osState: 'Generalized', blobUri: 'https://${2:account}.blob.core.windows.net/${3:vhds}/${4:os.vhd}' } },
      },
      {
        label: 'From a managed disk',
        body: {
          osDisk: {
            osType: '${1|Linux,Windows|}',
            osState: 'Generalized',
            managedDisk: { id: '/subscriptions/${2:subscriptionId}/resourceGroups/${3:resourceGroup}/providers/Microsoft.Compute/disks/${4:diskName}' },
          },
        },
      },
    ],
  },
  'ImageProperties.sourceVirtualMachine': {
    defaultSnippets: [
      { label: '{ id }', body: { id: '/subscriptions/${1:subscriptionId}/resourceGroups/${2:resourceGroup}/providers/Microsoft.Compute/virtualMachines/${3:vmName}' } },
    ],
  },
  'SharingProfile.communityGalleryInfo': {
    defaultSnippets: [
      {
        label: 'Community gallery information',
        body: {
          publisherUri: 'https://${1:contoso.com}',
          publisherContact: '${2:support@contoso.com}',
          eula: '${3:https://contoso.com/eula}',
          publicNamePrefix: '${4:contoso}',
        },
      },
    ],
  },
};

/** The name rules are the domain's (src/domain/names.ts, src/domain/versions.ts): the schemas use their patterns. */
export const GALLERY_NAME_SEGMENT = GALLERY_NAME_PATTERN;
export const IMAGE_DEFINITION_NAME_SEGMENT = IMAGE_DEFINITION_NAME_PATTERN;
export const IMAGE_VERSION_NAME_SEGMENT = VERSION_NAME_PATTERN;
export const MANAGED_IMAGE_NAME_SEGMENT = MANAGED_IMAGE_NAME_PATTERN;
/** A VM application is named like an image definition (ARM_BEHAVIOUR.md §5: gallery child resources). */
export const APPLICATION_NAME_SEGMENT = IMAGE_DEFINITION_NAME_PATTERN;

export const VERSION_NAME_MESSAGE = `An image version name is Major.Minor.Patch, each part an integer between 0 and 2,147,483,647 of at most ${VERSION_PART_MAX_DIGITS} digits (for example 1.0.0 or 2024.12.1).`;
