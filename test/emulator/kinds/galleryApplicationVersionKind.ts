/**
 * Microsoft.Compute/galleries/applications/versions — VM application versions (GalleryRP 2025-12-03,
 * GalleryApplicationVersion.tsp; models.tsp `GalleryApplicationVersionPublishingProfile`, `UserArtifactSource`,
 * `UserArtifactManage`, `UserArtifactSettings`). Name, publishing profile, replication and `$expand=ReplicationStatus`
 * are those of every artifact version (artifactVersion.ts); what is the application's own: the package
 * (`source.mediaLink`, an https blob URL, usually with a SAS), the install/remove/update commands, the settings.
 *
 * A mediaLink's query (its SAS token) is never repeated in an error message: {@link linkForMessage}.
 */
import { invalidParameter, requiredParameter } from '../errors';
import { asObject, isObject, mergePatch, type JsonObject } from '../json';
import type { ArmResourceJson } from '../store';
import { buildPublishingProfile, presentVersion, replicateVersion, validateVersionName, type VersionWording } from './artifactVersion';
import { checkCustomActions, galleryApplicationKind } from './galleryApplicationKind';
import type { ResourceKind, WriteInput, WriteResult } from './ResourceKind';
import { checkEnum, checkLength, checkTags, optionalString, propertiesOf, requireObject, resolveLocation, withoutReadOnly } from './validation';

const TYPE = 'Microsoft.Compute/galleries/applications/versions';
const P = 'galleryApplicationVersion.properties';
const PP = `${P}.publishingProfile`;
const WORDING: VersionWording = { nameParam: 'galleryApplicationVersionName', propertiesTarget: P, noun: 'application version' };

/** "This is limited to 4096 characters" (UserArtifactManage, UserArtifactSettings). */
export const COMMAND_MAX_LENGTH = 4096;
export const SCRIPT_BEHAVIORS_AFTER_REBOOT = ['None', 'Rerun'] as const;

/**
 * A blob URL as an error message may show it: scheme, host and path; the query (a SAS token's signature) replaced by
 * `?<redacted>`. Text that is not a URL is cut at its first `?` too.
 */
export function linkForMessage(value: string): string {
    const cut = value.indexOf('?');
    const shown = cut === -1 ? value : `${value.slice(0, cut)}?<redacted>`;
    return shown.length > 300 ? `${shown.slice(0, 300)}…` : shown;
}

/** An https URL with a host (the package or its default configuration, "must be a readable storage page blob"). */
function checkBlobLink(value: unknown, target: string): void {
    if (typeof value !== 'string') {
        throw invalidParameter(`The value of parameter '${target}' must be a string holding an https URL.`, target);
    }
    let url: URL | undefined;
    try {
        url = new URL(value);
    } catch {
        url = undefined;
    }
    if (!url || url.protocol !== 'https:' || url.hostname === '') {
        throw invalidParameter(
            `The value '${linkForMessage(value)}' of parameter '${target}' is not a valid https URL. Give the https URL of a readable storage blob (with a SAS token if the container is private).`,
            target,
        );
    }
}

function checkSource(publishingProfile: JsonObject): void {
    const source = requireObject(publishingProfile, 'source', `${PP}.source`);
    const mediaLink = source.mediaLink;
    if (mediaLink === undefined || mediaLink === null || mediaLink === '') {
        throw requiredParameter(`${PP}.source.mediaLink`);
    }
    checkBlobLink(mediaLink, `${PP}.source.mediaLink`);
    if (source.defaultConfigurationLink !== undefined && source.defaultConfigurationLink !== null && source.defaultConfigurationLink !== '') {
        checkBlobLink(source.defaultConfigurationLink, `${PP}.source.defaultConfigurationLink`);
    }
}

function checkManageActions(publishingProfile: JsonObject): void {
    const manage = requireObject(publishingProfile, 'manageActions', `${PP}.manageActions`);
    for (const key of ['install', 'remove']) {
        const value = manage[key];
        if (value === undefined || value === null || value === '') {
            throw requiredParameter(`${PP}.manageActions.${key}`);
        }
        if (typeof value !== 'string') {
            throw invalidParameter(`The value of parameter '${PP}.manageActions.${key}' must be a string.`, `${PP}.manageActions.${key}`);
        }
        checkLength(value, `${PP}.manageActions.${key}`, COMMAND_MAX_LENGTH);
    }
    optionalString(manage, 'update', `${PP}.manageActions.update`, COMMAND_MAX_LENGTH);
}

function checkSettings(publishingProfile: JsonObject): void {
    const settings = publishingProfile.settings;
    if (settings !== undefined && settings !== null) {
        if (!isObject(settings)) {
            throw invalidParameter(`The value of parameter '${PP}.settings' must be an object.`, `${PP}.settings`);
        }
        optionalString(settings, 'packageFileName', `${PP}.settings.packageFileName`, COMMAND_MAX_LENGTH);
        optionalString(settings, 'configFileName', `${PP}.settings.configFileName`, COMMAND_MAX_LENGTH);
        if (settings.scriptBehaviorAfterReboot !== undefined) {
            settings.scriptBehaviorAfterReboot = checkEnum(settings.scriptBehaviorAfterReboot, SCRIPT_BEHAVIORS_AFTER_REBOOT, `${PP}.settings.scriptBehaviorAfterReboot`);
        }
    }
    const advanced = publishingProfile.advancedSettings;
    if (advanced !== undefined && advanced !== null) {
        if (!isObject(advanced) || Object.values(advanced).some((v) => typeof v !== 'string')) {
            throw invalidParameter(`The value of parameter '${PP}.advancedSettings' must be an object of string values.`, `${PP}.advancedSettings`);
        }
    }
    if (publishingProfile.enableHealthCheck !== undefined && typeof publishingProfile.enableHealthCheck !== 'boolean') {
        throw invalidParameter(`The value of parameter '${PP}.enableHealthCheck' must be a boolean.`, `${PP}.enableHealthCheck`);
    }
}

function build(input: WriteInput, raw: JsonObject, tags: Record<string, string> | undefined, location: string): WriteResult {
    const { parsed, existing } = input;
    const properties = withoutReadOnly(raw, ['replicationStatus']);
    const sent = requireObject(properties, 'publishingProfile', `${P}.publishingProfile`);
    checkSource(sent);
    checkManageActions(sent);
    checkSettings(sent);
    checkCustomActions(sent.customActions, `${PP}.customActions`);
    // GalleryApplicationVersionSafetyProfile adds nothing to the base: allowDeletionOfReplicatedLocations only.
    const safetyProfile: JsonObject = { allowDeletionOfReplicatedLocations: false, ...(asObject(properties.safetyProfile) ?? {}) };
    if (typeof safetyProfile.allowDeletionOfReplicatedLocations !== 'boolean') {
        throw invalidParameter(`The value of parameter '${P}.safetyProfile.allowDeletionOfReplicatedLocations' must be a boolean.`, `${P}.safetyProfile.allowDeletionOfReplicatedLocations`);
    }
    const publishingProfile = buildPublishingProfile({
        input,
        properties,
        location,
        wording: WORDING,
        allowDeletionOfReplicatedLocations: safetyProfile.allowDeletionOfReplicatedLocations,
    });
    publishingProfile.enableHealthCheck = publishingProfile.enableHealthCheck === true;
    properties.publishingProfile = publishingProfile;
    properties.safetyProfile = safetyProfile;
    const resource: ArmResourceJson = {
        id: input.id,
        name: existing?.body.name ?? parsed.name,
        type: TYPE,
        location,
        ...(tags ? { tags } : {}),
        properties,
    };
    return { resource, ...replicateVersion(input, publishingProfile, location) };
}

export const galleryApplicationVersionKind: ResourceKind = {
    type: TYPE,
    segment: 'versions',
    nameParam: 'galleryApplicationVersionName',
    bodyParam: 'galleryApplicationVersion',
    namespace: 'Microsoft.Compute',
    parent: galleryApplicationKind,
    listBySubscription: false,
    lroStyle: 'caps',
    validateName: (name) => validateVersionName(name, WORDING),
    buildPut(input) {
        const location = resolveLocation(input.body, input.existing, TYPE);
        return build(input, propertiesOf(input.body, 'galleryApplicationVersion'), checkTags(input.body.tags), location);
    },
    buildPatch(input) {
        const existing = input.existing;
        const patch = withoutReadOnly(propertiesOf(input.body, 'galleryApplicationVersion'), ['replicationStatus']);
        const merged = mergePatch(existing.body.properties, patch);
        const tags = input.body.tags !== undefined ? checkTags(input.body.tags) : existing.body.tags;
        return build(input, isObject(merged) ? merged : {}, tags, existing.body.location ?? 'eastus');
    },
    present: presentVersion,
};
