/**
 * What a form needs from Azure: picker lists, the new resource's neighbours, the resource being edited,
 * and the write itself. {@link ArmFormBackend} does it over the Azure layer (services.ts). No `vscode`.
 */
import * as l10n from '@vscode/l10n';
import { accountNames } from '../azure/accountNames';
import { describeArmError } from '../azure/armError';
import { applicationId, armIdProblem, displayName, imageDefinitionId, kindLabel, parseComputeResourceId, parseIdOfKind } from '../azure/armId';
import type { ComputeResourceId, GalleryId } from '../azure/armId';
import { listAll, mapLimit } from '../azure/listAll';
import type { ArmRequestBody, ArmServices, GalleryImage, GalleryService, Image, ResourceGroupInfo, SubscriptionInfo } from '../azure/services';
import { formResourceKind } from './forms/formTypes';
import { currentSnapshot, plannedSteps } from './forms/gallerySharingForm';
import { communityInfoBody, sameSharing, snapshotOf } from '../domain/sharing';
import type { ArmTarget, FormKind, FormMode, FormValues, JsonObject, PickerOption, PickerSource, ResourceFacts, ValidationContext } from './forms/formTypes';
import { resourceGroupOf } from './forms/commonFields';
import { resourceGroupNameProblem } from './forms/fieldRules';
import { PICKER_LIST_LIMIT } from './forms/pickerSearch';
import { text } from './forms/values';

export type SiblingFacts = Pick<ValidationContext, 'siblingNames' | 'siblingIdentifiers' | 'definition'> & {
  /** "Create new" resource group: a group of that name exists already (it will be used as it is). */
  readonly existingResourceGroup?: ResourceGroupInfo;
};

export interface SubmitRequest {
  readonly kind: FormKind;
  readonly mode: FormMode;
  readonly target: ArmTarget;
  /** Exactly the body the form showed. */
  readonly body: JsonObject;
  readonly values: FormValues;
  /** Create this resource group (in this location) first. */
  readonly newResourceGroup?: { readonly name: string; readonly location: string };
}

/** What the host hears about a write while it runs. */
export interface SubmitEvents {
  /**
   * A create was accepted by Azure: the resource exists (still provisioning) while its long-running operation runs.
   * Must not throw.
   */
  readonly onAccepted?: () => void;
}

/** What the user should know about a write that succeeded (e.g. an existing resource group was used as it is). */
export interface SubmitOutcome {
  readonly notes: readonly string[];
}

/**
 * A create stopped before anything was sent to Azure: the target already exists, or whether it exists could
 * not be found out. The message is complete (what happened, that nothing was sent, what to do next).
 */
export class NothingSentError extends Error {
  constructor(
    message: string,
    /** The form field the message is about, if any. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'NothingSentError';
  }
}

export interface FormBackend {
  loadOptions(source: PickerSource, values: FormValues, signal: AbortSignal): Promise<PickerOption[]>;
  /** A key for the neighbours of the resource the values describe; undefined when there are none to read yet. */
  siblingScope(kind: FormKind, mode: FormMode, values: FormValues): string | undefined;
  loadSiblings(kind: FormKind, mode: FormMode, values: FormValues, signal: AbortSignal): Promise<SiblingFacts>;
  /** The resource as ARM returns it (update mode); the Share form's gallery with its sharing groups. */
  loadResource(id: string, signal: AbortSignal, kind?: FormKind): Promise<JsonObject>;
  /**
   * Sends the request and waits for ARM's long-running operation. A create first makes sure that the
   * target does not exist (and that a "new" resource group is really new): it never PUTs over a resource.
   */
  submit(request: SubmitRequest, signal: AbortSignal, events?: SubmitEvents): Promise<SubmitOutcome | void>;
}

function definitionFacts(d: GalleryImage): ResourceFacts {
  return compactFacts({ location: d.location, osType: d.osType, osState: d.osState, hyperVGeneration: d.hyperVGeneration ?? 'V1', architecture: d.architecture });
}

function compactFacts(facts: Record<string, string | undefined>): ResourceFacts {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (v) {
      out[k] = v;
    }
  }
  return out;
}

function imageFacts(i: Image): ResourceFacts {
  return compactFacts({
    location: i.location,
    osType: i.storageProfile?.osDisk?.osType,
    osState: i.storageProfile?.osDisk?.osState,
    hyperVGeneration: i.hyperVGeneration,
  });
}

function rgOf(id: string | undefined): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id ?? '')?.[1] ?? '';
}

function byLabel(a: PickerOption, b: PickerOption): number {
  return a.label.localeCompare(b.label);
}

export class ArmFormBackend implements FormBackend {
  private readonly tenants = new Map<string, string>();

  /**
   * @param services the Azure layer (loaded lazily by the caller)
   * @param tenantHint tenant of the subscription the form starts in (from the tree), if known
   */
  constructor(
    private readonly services: () => Promise<ArmServices>,
    tenantHint?: { readonly subscriptionId: string; readonly tenantId: string },
  ) {
    if (tenantHint) {
      this.tenants.set(tenantHint.subscriptionId.toLowerCase(), tenantHint.tenantId);
    }
  }

  /** The tenant of a subscription, as far as we know it (undefined = the home tenant). */
  tenantOf(subscriptionId: string): string | undefined {
    return this.tenants.get(subscriptionId.toLowerCase());
  }

  private async service(subscriptionId: string): Promise<GalleryService> {
    return (await this.services()).galleryService(subscriptionId, this.tenantOf(subscriptionId));
  }

  async loadOptions(source: PickerSource, values: FormValues, signal: AbortSignal): Promise<PickerOption[]> {
    const options = await this.list(source, values, signal);
    // The webview searches the list as the user types and takes a pasted ID of anything beyond the limit.
    return options.sort(byLabel).slice(0, PICKER_LIST_LIMIT);
  }

  private async list(source: PickerSource, values: FormValues, signal: AbortSignal): Promise<PickerOption[]> {
    const call = { signal };
    if (source === 'subscriptions') {
      const services = await this.services();
      const tenants = await services.listTenants(call);
      const tenantIds: Array<string | undefined> = tenants.length > 0 ? tenants.map((t) => t.tenantId) : [undefined];
      const lists = await mapLimit(tenantIds, 4, (tenantId) => services.listSubscriptions(tenantId, call).catch((): SubscriptionInfo[] => []));
      const seen = new Map<string, PickerOption>();
      for (const s of lists.flat()) {
        this.tenants.set(s.subscriptionId.toLowerCase(), s.tenantId);
        seen.set(s.subscriptionId.toLowerCase(), { value: s.subscriptionId, label: s.displayName, description: s.subscriptionId });
      }
      return [...seen.values()];
    }
    if (source === 'imageDefinitions') {
      const gallery = parseIdOfKind(text(values, 'galleryId'), 'gallery');
      const service = await this.service(gallery.subscriptionId);
      const definitions = await listAll((o) => service.listImageDefinitions(gallery, o), signal);
      return definitions.map((d) => ({
        value: d.id ?? '',
        label: d.name ?? '',
        description: [d.osType, d.osState, d.hyperVGeneration, d.architecture].filter(Boolean).join(' · '),
        facts: definitionFacts(d),
      }));
    }
    // A VM application list belongs to the gallery's subscription (the one picker scoped by the gallery, not the form).
    const service = await this.service(source === 'applications' ? parseIdOfKind(text(values, 'galleryId'), 'gallery').subscriptionId : text(values, 'subscriptionId'));
    switch (source) {
      case 'resourceGroups':
        return (await service.listResourceGroups(call)).map((g) => ({ value: g.name, label: g.name, description: g.location, facts: { location: g.location } }));
      case 'locations':
        return (await service.listLocations(call)).map((l) => ({ value: l.name, label: l.displayName, description: l.name }));
      case 'galleries':
        return (await listAll((o) => service.listGalleries(o), signal)).map((g) => ({
          value: g.id ?? '',
          label: g.name ?? '',
          description: [g.location, rgOf(g.id)].filter(Boolean).join(' · '),
          facts: compactFacts({ location: g.location }),
        }));
      case 'managedImages':
        return (await listAll((o) => service.listManagedImages(o), signal)).map((i) => ({
          value: i.id ?? '',
          label: i.name ?? '',
          description: [i.location, i.storageProfile?.osDisk?.osType, i.hyperVGeneration, rgOf(i.id)].filter(Boolean).join(' · '),
          facts: imageFacts(i),
        }));
      case 'virtualMachines':
        return (await service.listVirtualMachines(call)).map((vm) => ({
          value: vm.id ?? '',
          label: vm.name ?? '',
          description: [vm.location, vm.storageProfile?.osDisk?.osType, rgOf(vm.id)].filter(Boolean).join(' · '),
          facts: compactFacts({ location: vm.location, osType: vm.storageProfile?.osDisk?.osType }),
        }));
      case 'disks':
        return (await service.listDisks(call)).map((d) => ({
          value: d.id ?? '',
          label: d.name ?? '',
          description: ['disk', d.location, d.osType, d.hyperVGeneration, d.diskSizeGB ? `${d.diskSizeGB} GB` : undefined].filter(Boolean).join(' · '),
          facts: compactFacts({ location: d.location, osType: d.osType, hyperVGeneration: d.hyperVGeneration }),
        }));
      case 'snapshots':
        return (await service.listSnapshots(call)).map((s) => ({
          value: s.id ?? '',
          label: s.name ?? '',
          description: ['snapshot', s.location, s.osType, s.hyperVGeneration, s.diskSizeGB ? `${s.diskSizeGB} GB` : undefined].filter(Boolean).join(' · '),
          facts: compactFacts({ location: s.location, osType: s.osType, hyperVGeneration: s.hyperVGeneration }),
        }));
      case 'diskSources': {
        const [disks, snapshots] = await Promise.all([this.list('disks', values, signal), this.list('snapshots', values, signal)]);
        return [...disks, ...snapshots];
      }
      case 'storageAccounts':
        return (await service.listStorageAccounts(call)).map((a) => ({ value: a.id, label: a.name, description: [a.location, rgOf(a.id)].join(' · '), facts: { location: a.location } }));
      case 'diskEncryptionSets':
        return (await service.listDiskEncryptionSets(call)).map((d) => ({
          value: d.id ?? '',
          label: d.name ?? '',
          description: [d.location, rgOf(d.id)].filter(Boolean).join(' · '),
          facts: compactFacts({ location: d.location }),
        }));
      case 'imageVersions':
        return this.listAllVersions(service, signal);
      case 'applications': {
        const gallery = parseIdOfKind(text(values, 'galleryId'), 'gallery');
        const applications = await listAll((o) => service.listApplications(gallery, o), signal);
        return applications.map((a) => ({
          value: applicationId(gallery, a.name ?? '').id,
          label: a.name ?? '',
          description: [a.supportedOSType, a.location].filter(Boolean).join(' · '),
          facts: compactFacts({ location: a.location, osType: a.supportedOSType }),
        }));
      }
    }
  }

  /** Every image version in the subscription (galleries → definitions → versions), for "another version" as a source. */
  private async listAllVersions(service: GalleryService, signal: AbortSignal): Promise<PickerOption[]> {
    const galleries = await listAll((o) => service.listGalleries(o), signal);
    const perGallery = await mapLimit(galleries, 4, async (g) => {
      const gallery = parseIdOfKind(g.id ?? '', 'gallery');
      const definitions = await listAll((o) => service.listImageDefinitions(gallery, o), signal);
      return mapLimit(definitions, 4, async (d) => {
        const definition = imageDefinitionId(gallery, d.name ?? '');
        const versions = await listAll((o) => service.listImageVersions(definition, o), signal);
        return versions.map(
          (v): PickerOption => ({
            value: v.id ?? '',
            label: `${gallery.gallery}/${d.name ?? ''}/${v.name ?? ''}`,
            description: [v.location, d.osType, d.osState, d.hyperVGeneration].filter(Boolean).join(' · '),
            facts: { ...definitionFacts(d), ...compactFacts({ location: v.location }) },
          }),
        );
      });
    });
    return perGallery.flat(2);
  }

  siblingScope(kind: FormKind, mode: FormMode, values: FormValues): string | undefined {
    switch (kind) {
      case 'gallery': {
        const sub = text(values, 'subscriptionId');
        // A "new" resource group's name is part of the scope: whether that group exists is read with the names.
        return sub ? (newResourceGroupName(mode, values) ? `${sub}/${resourceGroupOf(values, mode)}` : sub) : undefined;
      }
      case 'imageDefinition':
        return text(values, 'galleryId') || undefined;
      case 'imageVersion':
        return text(values, 'definitionId') || undefined;
      case 'application':
        return text(values, 'galleryId') || undefined;
      case 'applicationVersion':
        return text(values, 'applicationId') || undefined;
      case 'managedImage': {
        const sub = text(values, 'subscriptionId');
        const rg = resourceGroupOf(values, mode);
        return sub && rg ? `${sub}/${rg}` : undefined;
      }
      case 'gallerySharing':
        return undefined;
    }
  }

  async loadSiblings(kind: FormKind, mode: FormMode, values: FormValues, signal: AbortSignal): Promise<SiblingFacts> {
    const lower = (names: Array<string | undefined>): string[] => names.filter((n): n is string => !!n).map((n) => n.toLowerCase());
    switch (kind) {
      case 'gallery': {
        const service = await this.service(text(values, 'subscriptionId'));
        const [galleries, existingResourceGroup] = await Promise.all([listAll((o) => service.listGalleries(o), signal), this.existingNewGroup(service, mode, values, signal)]);
        return { siblingNames: lower(galleries.map((g) => g.name)), ...(existingResourceGroup ? { existingResourceGroup } : {}) };
      }
      case 'imageDefinition': {
        const gallery = parseIdOfKind(text(values, 'galleryId'), 'gallery');
        const service = await this.service(gallery.subscriptionId);
        const definitions = await listAll((o) => service.listImageDefinitions(gallery, o), signal);
        return {
          siblingNames: lower(definitions.map((d) => d.name)),
          siblingIdentifiers: definitions.map((d) => ({
            name: d.name ?? '',
            publisher: d.identifier?.publisher ?? '',
            offer: d.identifier?.offer ?? '',
            sku: d.identifier?.sku ?? '',
          })),
        };
      }
      case 'imageVersion': {
        const definition = parseIdOfKind(text(values, 'definitionId'), 'imageDefinition');
        const service = await this.service(definition.subscriptionId);
        const [versions, parent] = await Promise.all([
          listAll((o) => service.listImageVersions(definition, o), signal),
          service.getImageDefinition(definition, { signal }),
        ]);
        return { siblingNames: lower(versions.map((v) => v.name)), definition: definitionFacts(parent) };
      }
      case 'application': {
        const gallery = parseIdOfKind(text(values, 'galleryId'), 'gallery');
        const service = await this.service(gallery.subscriptionId);
        return { siblingNames: lower((await listAll((o) => service.listApplications(gallery, o), signal)).map((a) => a.name)) };
      }
      case 'applicationVersion': {
        const application = parseIdOfKind(text(values, 'applicationId'), 'application');
        const service = await this.service(application.subscriptionId);
        return { siblingNames: lower((await listAll((o) => service.listApplicationVersions(application, o), signal)).map((v) => v.name)) };
      }
      case 'managedImage': {
        // Also for a "new" resource group: if a group of that name exists, it is used as it is, images and all.
        const service = await this.service(text(values, 'subscriptionId'));
        const rg = resourceGroupOf(values, mode).toLowerCase();
        const [images, existingResourceGroup] = await Promise.all([listAll((o) => service.listManagedImages(o), signal), this.existingNewGroup(service, mode, values, signal)]);
        return {
          siblingNames: lower(images.filter((i) => rgOf(i.id).toLowerCase() === rg).map((i) => i.name)),
          ...(existingResourceGroup ? { existingResourceGroup } : {}),
        };
      }
      case 'gallerySharing':
        return {};
    }
  }

  /**
   * The "Create new" resource group, if it exists already: for a heads-up in the form. Advisory only (a failure
   * is not an error here): submit() checks again and stops when it cannot.
   */
  private async existingNewGroup(service: GalleryService, mode: FormMode, values: FormValues, signal: AbortSignal): Promise<ResourceGroupInfo | undefined> {
    const name = newResourceGroupName(mode, values);
    return name ? service.getResourceGroup(name, { signal }).catch((): undefined => undefined) : undefined;
  }

  async loadResource(id: string, signal: AbortSignal, kind?: FormKind): Promise<JsonObject> {
    const armId = parseComputeResourceId(id);
    if (!armId) {
      throw new Error(l10n.t('"{0}" is not a resource this extension edits.', id));
    }
    if (kind === 'gallerySharing' && armId.kind === 'gallery') {
      // The subscriptions and tenants it is shared with come only with $expand=SharingProfile/Groups.
      // With the names the account knows for subscriptions and tenants (the form says "Name (GUID)"), not part of ARM's
      // resource: `knownNames` travels next to it, and a list that failed says why there (the form shows it).
      const [gallery, names] = await Promise.all([(await this.service(armId.subscriptionId)).getGalleryWithSharing(armId, { signal }), accountNames(await this.services(), signal)]);
      return JSON.parse(
        JSON.stringify({
          id: gallery.id ?? armId.id,
          name: gallery.name ?? armId.gallery,
          location: gallery.location,
          properties: { sharingProfile: gallery.sharingProfile ?? {} },
          knownNames: { subscriptions: Object.fromEntries(names.subscriptions), tenants: Object.fromEntries(names.tenants), problems: names.problems },
        }),
      ) as JsonObject;
    }
    const json = await (await this.service(armId.subscriptionId)).getResourceJson(armId, { signal });
    return JSON.parse(JSON.stringify(json)) as JsonObject;
  }

  async submit(request: SubmitRequest, signal: AbortSignal, events?: SubmitEvents): Promise<SubmitOutcome> {
    const { target, mode } = request;
    const problem = armIdProblem(target.id);
    const id = problem ? undefined : parseComputeResourceId(target.id);
    if (!id || id.kind !== formResourceKind(request.kind)) {
      throw new NothingSentError(problem ?? l10n.t('"{0}" is not the id of a {1}. Nothing was sent.', target.id, kindLabel(formResourceKind(request.kind))));
    }
    if (request.kind === 'gallerySharing' && id.kind === 'gallery') {
      return this.submitSharing(id, request.values, signal);
    }
    const service = await this.service(target.subscriptionId);
    const body: ArmRequestBody = request.body;
    const call = { signal };
    const notes: string[] = [];
    if (mode === 'update') {
      await this.update(service, id, body, call);
      return { notes };
    }
    let groupToCreate: { readonly name: string; readonly location: string } | undefined;
    if (request.newResourceGroup) {
      const existing = await this.existingResourceGroup(service, request.newResourceGroup.name, signal);
      if (existing) {
        notes.push(l10n.t('Resource group "{0}" already existed, so it was used as it is (nothing about it was changed).', existing.name));
      } else {
        groupToCreate = request.newResourceGroup;
      }
    }
    // In a group that does not exist yet, nothing can exist either.
    if (!groupToCreate) {
      await this.ensureAbsent(service, id, signal);
    }
    if (groupToCreate) {
      await service.createResourceGroup(groupToCreate.name, groupToCreate.location, call);
    }
    const create = { signal, ...(events?.onAccepted ? { onAccepted: events.onAccepted } : {}) };
    switch (id.kind) {
      case 'gallery':
        await service.createOrUpdateGallery(id, body, create);
        break;
      case 'imageDefinition':
        await service.createOrUpdateImageDefinition(id, body, create);
        break;
      case 'imageVersion':
        await service.createOrUpdateImageVersion(id, body, create);
        break;
      case 'application':
        await service.createOrUpdateApplication(id, body, create);
        break;
      case 'applicationVersion':
        await service.createOrUpdateApplicationVersion(id, body, create);
        break;
      case 'managedImage':
        await service.createOrUpdateManagedImage(id, body, create);
        break;
    }
    return { notes };
  }

  /**
   * The Share form's requests, in order (planned again here from the host's own values, whose starting point the
   * host read from Azure: the same list the page showed). A failure after the first request says how far it got.
   */
  private async submitSharing(gallery: GalleryId, values: FormValues, signal: AbortSignal): Promise<SubmitOutcome> {
    const steps = plannedSteps(values);
    if (steps.length === 0) {
      throw new NothingSentError(l10n.t('Nothing to change: the gallery is shared like this already. Nothing was sent.'), 'permission');
    }
    const service = await this.service(gallery.subscriptionId);
    // The plan and the confirmation were made from where the gallery stood when the form read it. If someone changed
    // its sharing since, a Reset would also remove grantees nobody was told about: nothing is sent.
    const now = snapshotOf((await service.getGalleryWithSharing(gallery, { signal })).sharingProfile);
    if (!sameSharing(now, currentSnapshot(values))) {
      throw new NothingSentError(
        l10n.t('Gallery "{0}" is now shared differently than when this form read it (someone changed it meanwhile). Nothing was sent: close the form and open Share… again to start from how it is shared now.', gallery.gallery),
        'permission',
      );
    }
    const call = { signal };
    for (const [index, step] of steps.entries()) {
      try {
        if (step.kind === 'share') {
          await service.updateSharingProfile(gallery, step.update, call);
        } else {
          await service.updateGallery(gallery, communityInfoBody(step.info), call);
        }
      } catch (err) {
        if (index === 0) {
          throw err;
        }
        const info = describeArmError(err);
        throw Object.assign(
          new Error(l10n.t('Request {0} of {1} failed: {2} The requests before it took effect: refresh the gallery to see how it is shared now.', index + 1, steps.length, info.message)),
          info.code ? { code: info.code } : {},
        );
      }
    }
    return { notes: [] };
  }

  private async update(service: GalleryService, id: ComputeResourceId, body: ArmRequestBody, call: { signal: AbortSignal }): Promise<void> {
    switch (id.kind) {
      case 'gallery':
        await service.updateGallery(id, body, call);
        return;
      case 'imageDefinition':
        await service.updateImageDefinition(id, body, call);
        return;
      case 'imageVersion':
        await service.updateImageVersion(id, body, call);
        return;
      case 'application':
        await service.updateApplication(id, body, call);
        return;
      case 'applicationVersion':
        await service.updateApplicationVersion(id, body, call);
        return;
      case 'managedImage':
        await service.updateManagedImage(id, body, call);
        return;
    }
  }

  /** The "new" resource group if it exists after all; stops (nothing sent) when that cannot be found out. */
  private async existingResourceGroup(service: GalleryService, name: string, signal: AbortSignal): Promise<ResourceGroupInfo | undefined> {
    try {
      return await service.getResourceGroup(name, { signal });
    } catch (err) {
      throw couldNotCheck(l10n.t('resource group "{0}"', name), err, signal);
    }
  }

  /**
   * A PUT over an existing resource replaces it (issue 9): only a 404 for the exact target lets the create go on.
   * A sibling list that failed or was overtaken by a picker change decides nothing; this GET does.
   */
  private async ensureAbsent(service: GalleryService, id: ComputeResourceId, signal: AbortSignal): Promise<void> {
    try {
      await service.getResourceJson(id, { signal });
    } catch (err) {
      if (describeArmError(err).statusCode === 404 && !signal.aborted) {
        return;
      }
      throw couldNotCheck(describeTarget(id), err, signal);
    }
    throw new NothingSentError(l10n.t('{0} Nothing was sent. Choose another name, or edit the existing one.', alreadyExists(id)), 'name');
  }
}

/** The "Create new" resource group's name when it is one Azure would accept; undefined otherwise. */
function newResourceGroupName(mode: FormMode, values: FormValues): string | undefined {
  const name = mode === 'create' && text(values, 'resourceGroupMode') === 'new' ? text(values, 'newResourceGroup') : '';
  return name && !resourceGroupNameProblem(name) ? name : undefined;
}

function describeTarget(id: ComputeResourceId): string {
  switch (id.kind) {
    case 'gallery':
      return l10n.t('gallery "{0}"', id.gallery);
    case 'imageDefinition':
      return l10n.t('image definition "{0}"', id.imageDefinition);
    case 'imageVersion':
      return l10n.t('version "{0}"', id.version);
    case 'application':
    case 'applicationVersion':
      return l10n.t('{0} "{1}"', kindLabel(id.kind), displayName(id));
    case 'managedImage':
      return l10n.t('managed image "{0}"', id.image);
  }
}

function alreadyExists(id: ComputeResourceId): string {
  switch (id.kind) {
    case 'gallery':
      return l10n.t('A gallery named "{0}" already exists in resource group "{1}".', id.gallery, id.resourceGroup);
    case 'imageDefinition':
      return l10n.t('An image definition named "{0}" already exists in gallery "{1}".', id.imageDefinition, id.gallery);
    case 'imageVersion':
      return l10n.t('Version "{0}" of image definition "{1}/{2}" already exists.', id.version, id.gallery, id.imageDefinition);
    case 'application':
      return l10n.t('A VM application named "{0}" already exists in gallery "{1}".', id.application, id.gallery);
    case 'applicationVersion':
      return l10n.t('Version "{0}" of VM application "{1}" already exists.', id.version, `${id.gallery}/${id.application}`);
    case 'managedImage':
      return l10n.t('A managed image named "{0}" already exists in resource group "{1}".', id.image, id.resourceGroup);
  }
}

function couldNotCheck(what: string, err: unknown, signal: AbortSignal): NothingSentError {
  const info = describeArmError(err);
  if (info.cancelled || signal.aborted) {
    return new NothingSentError(l10n.t('Stopped while checking whether {0} already exists. Nothing was sent.', what));
  }
  const reason = info.message.replace(/\.+$/, '');
  return new NothingSentError(
    `${l10n.t("Couldn't check whether {0} already exists ({1}), so nothing was sent: creating it could replace an existing one.", what, info.code ? `${info.code}: ${reason}` : reason)} ${info.nextStep}`.trim(),
  );
}
