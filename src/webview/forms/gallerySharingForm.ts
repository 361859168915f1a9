/**
 * Share form (issue 13 §1): who a gallery is shared with — Private, subscriptions and tenants (Groups), or every Azure
 * user (Community). Unlike the other forms it sends a *list* of requests (`GallerySharingProfile_Update` Add / Remove /
 * Reset / EnableCommunity, and a PATCH of the community information), planned by `planSharingChange` in
 * src/domain/sharing.ts from where the gallery stands (read with `$expand=SharingProfile/Groups`) and what the form asks
 * for. The page shows that list before anything is sent; Reset, going Community and removing a subscription or tenant
 * need the confirmation checkbox, which the host's validation (the same `validate`) enforces too.
 *
 * Where the gallery stands travels in fields that exist only when creating (`current*`): in update mode the host always
 * puts them back to what Azure said (sanitize.ts), so a webview cannot claim another starting point.
 */
import * as l10n from '@vscode/l10n';
import { galleryId, parseComputeResourceId } from '../../azure/armId';
import {
  communityInfoBody,
  communityInfoProblems,
  describeSharingConsequences,
  isGuid,
  normalizeSharingUpdate,
  planSharingChange,
  PUBLIC_NAME_PREFIX_MAX,
  PUBLIC_NAME_PREFIX_MIN,
  sharingConsequences,
  snapshotOf,
  type CommunityInfoField,
  type CommunityInfoReason,
  type SharingNames,
  type SharingPermission,
  type SharingSnapshot,
  type SharingStep,
  type SharingTarget,
} from '../../domain/sharing';
import { GALLERY_API_VERSION, templateResource } from './commonFields';
import type { FieldSpec, FormDefinition, FormValues, Json, JsonObject, PlannedRequest, TableRow } from './formTypes';
import { put } from './fieldRules';
import { arrayAt, cell, filledRows, flag, isJsonObject, list, objectAt, stringAt, text } from './values';

const PERMISSIONS: readonly SharingPermission[] = ['Private', 'Groups', 'Community'];

const isCommunity = (values: FormValues): boolean => text(values, 'permission') === 'Community';
const isGroups = (values: FormValues): boolean => text(values, 'permission') === 'Groups';

// A function, not a constant: the labels are translated when a form is built (after l10n.config), not at import.
const fields = (): readonly FieldSpec[] => [
  // Where the gallery stands (see the top of the file): never shown, always Azure's.
  ...['subscriptionId', 'resourceGroup', 'name', 'location', 'currentPermission', 'currentSubscriptions', 'currentTenants', 'currentCommunity', 'publicNames', 'knownNames'].map(
    (id): FieldSpec => ({ id, label: id, section: 'sharing', type: 'text', onlyIn: 'create' }),
  ),
  {
    id: 'permission',
    label: l10n.t('Shared with'),
    section: 'sharing',
    type: 'radio',
    required: true,
    choices: [
      { value: 'Private', label: l10n.t('Private'), description: l10n.t('only people with access to this subscription') },
      { value: 'Groups', label: l10n.t('Subscriptions and tenants'), description: l10n.t('the subscriptions and Microsoft Entra tenants listed below') },
      { value: 'Community', label: l10n.t('Community'), description: l10n.t('every Azure user, under a public name') },
    ],
  },
  {
    id: 'subscriptions',
    label: l10n.t('Subscriptions'),
    section: 'sharing',
    type: 'table',
    addLabel: l10n.t('Add subscription'),
    maxRows: 100,
    help: l10n.t('Subscription IDs (GUIDs). Removing a row stops sharing with that subscription.'),
    visibleWhen: isGroups,
    columns: [{ id: 'id', label: l10n.t('Subscription ID'), type: 'text', placeholder: '00000000-0000-0000-0000-000000000000' }],
  },
  {
    id: 'tenants',
    label: l10n.t('Tenants'),
    section: 'sharing',
    type: 'table',
    addLabel: l10n.t('Add tenant'),
    maxRows: 100,
    help: l10n.t('Microsoft Entra tenant IDs (GUIDs): every subscription of the tenant can use the images.'),
    visibleWhen: isGroups,
    columns: [{ id: 'id', label: l10n.t('Tenant ID'), type: 'text', placeholder: '00000000-0000-0000-0000-000000000000' }],
  },
  {
    id: 'publisherUri',
    label: l10n.t('Publisher URI'),
    section: 'community',
    type: 'text',
    required: true,
    visibleWhen: isCommunity,
    help: l10n.t('Your website (https). Visible to every Azure user.'),
    placeholder: 'https://contoso.com',
  },
  {
    id: 'publisherContact',
    label: l10n.t('Publisher contact e-mail'),
    section: 'community',
    type: 'text',
    required: true,
    visibleWhen: isCommunity,
    help: l10n.t('Support e-mail address. Visible to every Azure user.'),
    placeholder: 'images@contoso.com',
  },
  {
    id: 'eula',
    label: l10n.t('EULA link'),
    section: 'community',
    type: 'text',
    required: true,
    visibleWhen: isCommunity,
    help: l10n.t('Link (https) to the end-user license agreement of the images.'),
    placeholder: 'https://contoso.com/eula',
  },
  {
    id: 'publicNamePrefix',
    label: l10n.t('Public name prefix'),
    section: 'community',
    type: 'text',
    required: true,
    visibleWhen: isCommunity,
    help: l10n.t('Letters and digits, {0} to {1} characters. Azure adds a unique suffix: the public name is prefix-GUID.', PUBLIC_NAME_PREFIX_MIN, PUBLIC_NAME_PREFIX_MAX),
    placeholder: 'contoso',
  },
  {
    id: 'confirm',
    label: l10n.t('I understand who gains and who loses access, as described here'),
    section: 'confirm',
    type: 'checkbox',
    confirmsOthers: true,
    visibleWhen: (values) => needsConfirmation(values),
  },
];

// ---- values ↔ domain ---------------------------------------------------------------------------------------------

const ids = (values: FormValues, id: string): string[] => filledRows(values, id).map(({ row }) => cell(row, 'id'));
const idRows = (values: readonly string[]): TableRow[] => values.map((id) => ({ id }));

/** Where the gallery stands, from the `current*` fields. */
export function currentSnapshot(values: FormValues): SharingSnapshot {
  const permission = PERMISSIONS.find((p) => p === text(values, 'currentPermission')) ?? 'Private';
  let community: SharingSnapshot['community'];
  let enabled = false;
  try {
    const parsed = JSON.parse(text(values, 'currentCommunity') || 'null') as unknown;
    if (isJsonObject(parsed)) {
      community = { publisherUri: stringAt(parsed, 'publisherUri'), publisherContact: stringAt(parsed, 'publisherContact'), eula: stringAt(parsed, 'eula'), publicNamePrefix: stringAt(parsed, 'publicNamePrefix') };
      enabled = parsed.enabled === true;
    }
  } catch {
    community = undefined;
  }
  return {
    permission,
    subscriptions: list(values, 'currentSubscriptions'),
    tenants: list(values, 'currentTenants'),
    communityEnabled: enabled,
    ...(community ? { community } : {}),
    publicNames: list(values, 'publicNames'),
  };
}

/**
 * The names the signed-in account knows for subscriptions and tenants (`knownNames`, read by the host next to the
 * gallery), so the form says "Name (GUID)"; and why some could not be read.
 */
export function knownNamesOf(values: FormValues): SharingNames & { readonly problems: readonly string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text(values, 'knownNames') || 'null');
  } catch {
    // Only the host writes this field (update mode puts Azure's value back): a broken one means no names, not an error.
    parsed = null;
  }
  const names = (key: string): Map<string, string> => {
    const map = new Map<string, string>();
    const entries = isJsonObject(parsed) ? objectAt(parsed, key) : undefined;
    for (const [id, name] of Object.entries(entries ?? {})) {
      if (isGuid(id) && typeof name === 'string' && name.trim() !== '') {
        map.set(id.toLowerCase(), name.trim().slice(0, 128));
      }
    }
    return map;
  };
  const problems = isJsonObject(parsed) ? arrayAt(parsed, 'problems').filter((p): p is string => typeof p === 'string') : [];
  return { subscriptions: names('subscriptions'), tenants: names('tenants'), problems };
}

export function sharingTarget(values: FormValues): SharingTarget {
  return {
    permission: PERMISSIONS.find((p) => p === text(values, 'permission')) ?? 'Private',
    subscriptions: ids(values, 'subscriptions'),
    tenants: ids(values, 'tenants'),
    community: { publisherUri: text(values, 'publisherUri'), publisherContact: text(values, 'publisherContact'), eula: text(values, 'eula'), publicNamePrefix: text(values, 'publicNamePrefix') },
  };
}

export function plannedSteps(values: FormValues): SharingStep[] {
  return planSharingChange(currentSnapshot(values), sharingTarget(values));
}

function needsConfirmation(values: FormValues): boolean {
  return sharingConsequences(currentSnapshot(values), plannedSteps(values)).needsConfirmation;
}

/** The gallery the form is about; undefined while its id fields are not complete. */
function galleryOf(values: FormValues): ReturnType<typeof galleryId> | undefined {
  const subscriptionId = text(values, 'subscriptionId');
  const resourceGroup = text(values, 'resourceGroup');
  const name = text(values, 'name');
  return subscriptionId && resourceGroup && name ? galleryId(subscriptionId, resourceGroup, name) : undefined;
}

/** One step as the request that carries it: method, path (with api-version) and body, exactly as sent. */
export function stepRequest(galleryArmId: string, step: SharingStep): PlannedRequest {
  if (step.kind === 'communityInfo') {
    return { method: 'PATCH', path: `${galleryArmId}?api-version=${GALLERY_API_VERSION}`, body: communityInfoBody(step.info) as unknown as JsonObject };
  }
  const update = normalizeSharingUpdate(step.update);
  const body: JsonObject = { operationType: update.operationType };
  if (update.groups && update.groups.length > 0) {
    body.groups = update.groups.map((g): Json => ({ type: g.type, ids: [...g.ids] }));
  }
  return { method: 'POST', path: `${galleryArmId}/share?api-version=${GALLERY_API_VERSION}`, body };
}

function communityMessage(field: CommunityInfoField, reason: CommunityInfoReason): string {
  switch (reason) {
    case 'missing':
      switch (field) {
        case 'publisherUri':
          return l10n.t('Enter the publisher URI: a community gallery needs it.');
        case 'publisherContact':
          return l10n.t('Enter the publisher contact e-mail: a community gallery needs it.');
        case 'eula':
          return l10n.t('Enter the link to the EULA: a community gallery needs it.');
        case 'publicNamePrefix':
          return l10n.t('Enter the public name prefix: a community gallery needs it.');
      }
      break;
    case 'notHttpsUri':
      return l10n.t('Enter an https:// address (such as https://contoso.com).');
    case 'notEmail':
      return l10n.t('Enter an e-mail address (such as images@contoso.com).');
    case 'prefixCharacters':
      return l10n.t('Use only letters and digits in the public name prefix.');
    case 'prefixLength':
      return l10n.t('The public name prefix has {0} to {1} characters.', PUBLIC_NAME_PREFIX_MIN, PUBLIC_NAME_PREFIX_MAX);
  }
  return '';
}

export const gallerySharingForm: FormDefinition = {
  kind: 'gallerySharing',
  get noun() {
    return l10n.t('gallery sharing');
  },
  get sections() {
    return [
      { id: 'sharing', title: l10n.t('Sharing') },
      { id: 'community', title: l10n.t('Community gallery') },
      { id: 'confirm', title: l10n.t('What changes') },
    ];
  },
  get fields() {
    return fields();
  },

  defaults(): FormValues {
    return {
      subscriptionId: '',
      resourceGroup: '',
      name: '',
      location: '',
      currentPermission: 'Private',
      currentSubscriptions: '',
      currentTenants: '',
      currentCommunity: '',
      publicNames: '',
      knownNames: '',
      permission: 'Private',
      subscriptions: [],
      tenants: [],
      publisherUri: '',
      publisherContact: '',
      eula: '',
      publicNamePrefix: '',
      confirm: false,
    };
  },

  validate(values: FormValues) {
    const errors: Record<string, string> = {};
    const target = sharingTarget(values);
    if (target.permission === 'Groups') {
      for (const id of ['subscriptions', 'tenants']) {
        for (const { row, index } of filledRows(values, id)) {
          const value = cell(row, 'id');
          if (!isGuid(value)) {
            put(errors, `${id}[${index}].id`, id === 'subscriptions' ? l10n.t('"{0}" is not a subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000).', value) : l10n.t('"{0}" is not a tenant ID (a GUID such as 00000000-0000-0000-0000-000000000000).', value));
          }
        }
        const seen = new Map<string, number>();
        for (const { row, index } of filledRows(values, id)) {
          const key = cell(row, 'id').toLowerCase();
          if (seen.has(key)) {
            put(errors, `${id}[${index}].id`, l10n.t('Listed twice.'));
          }
          seen.set(key, index);
        }
      }
      if (target.subscriptions.length === 0 && target.tenants.length === 0) {
        put(errors, 'subscriptions', l10n.t('Add at least one subscription or tenant, or choose Private.'));
      }
    }
    if (target.permission === 'Community') {
      for (const problem of communityInfoProblems(target.community)) {
        put(errors, problem.field, communityMessage(problem.field, problem.reason));
      }
    }
    if (needsConfirmation(values) && !flag(values, 'confirm')) {
      put(errors, 'confirm', l10n.t('Confirm that you want this change: read what it does, next to the checkbox.'));
    }
    if (!galleryOf(values)) {
      put(errors, '_form', l10n.t('The gallery is still being read; try again in a moment.'));
    }
    return errors;
  },

  /** What changes for whom: next to the confirmation, or next to the mode when nothing needs confirming. */
  warnings(values: FormValues): Record<string, string> {
    const current = currentSnapshot(values);
    const steps = plannedSteps(values);
    const names = knownNamesOf(values);
    const lines = describeSharingConsequences(sharingConsequences(current, steps), text(values, 'name'), current.publicNames, names);
    if (lines.length === 0) {
      return {};
    }
    if (names.problems.length > 0) {
      lines.push(l10n.t('Subscriptions and tenants are named by ID only where your account could not list them ({0}).', names.problems.join(' ')));
    }
    return needsConfirmation(values) ? { confirm: lines.join(' ') } : { permission: lines.join(' ') };
  },

  target(values: FormValues) {
    const gallery = galleryOf(values);
    return gallery ? { method: 'PATCH', id: gallery.id, apiVersion: GALLERY_API_VERSION, subscriptionId: gallery.subscriptionId } : undefined;
  },

  /** The requests, in order: `{ requests: [{ method, path, body }] }`; the host sends exactly these. */
  requestBody(values: FormValues) {
    const gallery = galleryOf(values);
    return { requests: gallery ? plannedSteps(values).map((step) => stepRequest(gallery.id, step) as unknown as Json) : [] };
  },

  requests(values: FormValues) {
    const gallery = galleryOf(values);
    return gallery ? plannedSteps(values).map((step) => stepRequest(gallery.id, step)) : [];
  },

  /** The gallery as a template resource: `permissions` and `communityGalleryInfo` (groups are changed only by POST …/share). */
  templateResource(values: FormValues) {
    const target = sharingTarget(values);
    const sharingProfile: JsonObject = { permissions: target.permission };
    if (target.permission === 'Community') {
      sharingProfile.communityGalleryInfo = { ...target.community };
    }
    return templateResource('Microsoft.Compute/galleries', GALLERY_API_VERSION, text(values, 'name'), { location: text(values, 'location'), properties: { sharingProfile } });
  },

  fromResource(resource: JsonObject): FormValues {
    const id = parseComputeResourceId(stringAt(resource, 'id'));
    const profile = objectAt(resource, 'properties', 'sharingProfile');
    const info = objectAt(profile, 'communityGalleryInfo');
    const strings = (value: Json[]): string[] => value.filter((x): x is string => typeof x === 'string');
    const snapshot = snapshotOf(
      profile && {
        permissions: stringAt(profile, 'permissions'),
        groups: arrayAt(profile, 'groups')
          .filter(isJsonObject)
          .map((g) => ({ type: stringAt(g, 'type'), ids: strings(arrayAt(g, 'ids')) })),
        ...(info && {
          communityGalleryInfo: {
            publisherUri: stringAt(info, 'publisherUri'),
            publisherContact: stringAt(info, 'publisherContact'),
            eula: stringAt(info, 'eula'),
            publicNamePrefix: stringAt(info, 'publicNamePrefix'),
            communityGalleryEnabled: info.communityGalleryEnabled === true,
            publicNames: strings(arrayAt(info, 'publicNames')),
          },
        }),
      },
    );
    const community = snapshot.community;
    return {
      subscriptionId: id?.subscriptionId ?? '',
      resourceGroup: id?.resourceGroup ?? '',
      name: id?.kind === 'gallery' ? id.gallery : stringAt(resource, 'name'),
      location: stringAt(resource, 'location'),
      currentPermission: snapshot.permission,
      currentSubscriptions: snapshot.subscriptions.join(','),
      currentTenants: snapshot.tenants.join(','),
      currentCommunity: community ? JSON.stringify({ ...community, enabled: snapshot.communityEnabled }) : '',
      publicNames: snapshot.publicNames.join(','),
      knownNames: JSON.stringify(objectAt(resource, 'knownNames') ?? {}),
      permission: snapshot.permission,
      subscriptions: idRows(snapshot.subscriptions),
      tenants: idRows(snapshot.tenants),
      publisherUri: community?.publisherUri ?? '',
      publisherContact: community?.publisherContact ?? '',
      eula: community?.eula ?? '',
      publicNamePrefix: community?.publicNamePrefix ?? '',
      confirm: false,
    };
  },

  fieldForArmTarget(target: string) {
    const field = ['publisherUri', 'publisherContact', 'eula', 'publicNamePrefix'].find((f) => target.toLowerCase().includes(f.toLowerCase()));
    if (field) {
      return field;
    }
    return /groups/i.test(target) ? 'subscriptions' : /permissions|operationType/i.test(target) ? 'permission' : undefined;
  },
};

