import * as vscode from 'vscode';
import { applicationId, applicationVersionId, armIdProblem, displayName, imageDefinitionId, imageVersionId, kindLabel, parseComputeResourceId, parseIdOfKind } from '../azure/armId';
import type { ApplicationId, ArmResourceKind, ComputeResourceId, GalleryId, ImageDefinitionId, ImageVersionId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import { listAll } from '../azure/listAll';
import type { Gallery, GalleryService, SubscriptionInfo } from '../azure/services';
import { sortVersionsDescending } from '../tree/versionOrdering';
import { selectedSubscriptionIds } from '../tree/AccountNode';
import { usableName } from '../tree/listedChild';
import { timeAgo } from '../tree/relativeTime';
import { isSoftDeleteEnabled } from '../domain/deletionSafety';

export class PickCancelled extends Error {
  override readonly name = 'CancellationError';
  constructor() {
    super('Cancelled.');
  }
}

interface Choice<T> extends vscode.QuickPickItem {
  readonly value: T;
}
/** An item that only explains (why a typed ID cannot be used): accepting it does nothing. */
interface Notice extends vscode.QuickPickItem {
  readonly notice: true;
}

/** What typed text offers: a choice to take, a reason it cannot be taken, or nothing (it is a search). */
type TypedChoice<T> = (text: string) => Choice<T> | string | undefined;

async function pick<T>(title: string, placeHolder: string, load: Promise<Array<Choice<T>>>, typed?: TypedChoice<T>): Promise<T> {
  const qp = vscode.window.createQuickPick<Choice<T> | Notice>();
  qp.title = title;
  qp.placeholder = placeHolder;
  qp.busy = true;
  qp.matchOnDescription = true;
  let loaded: Array<Choice<T>> = [];
  // A typed or pasted resource ID is offered above the list (which it would not match as a search).
  const showItems = (): void => {
    const offer = typed?.(qp.value.trim());
    const first: Choice<T> | Notice | undefined = typeof offer === 'string' ? { label: `$(warning) ${offer}`, alwaysShow: true, notice: true } : offer && { ...offer, alwaysShow: true };
    qp.items = first ? [first, ...loaded] : loaded;
  };
  qp.show();
  try {
    return await new Promise<T>((resolve, reject) => {
      qp.onDidAccept(() => {
        const chosen = qp.selectedItems[0];
        if (chosen && !('notice' in chosen)) {
          resolve(chosen.value);
        }
      });
      qp.onDidHide(() => reject(new PickCancelled()));
      qp.onDidChangeValue(showItems);
      load.then(
        (items) => {
          loaded = items;
          showItems();
          qp.busy = false;
          if (items.length === 0) {
            qp.placeholder = typed ? vscode.l10n.t('{0}: none here; paste a resource ID to use one', placeHolder) : vscode.l10n.t('Nothing to choose from here');
          }
        },
        (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))),
      );
    });
  } finally {
    qp.dispose();
  }
}

export async function pickSubscription(account: AzureAccount, title: string): Promise<SubscriptionInfo> {
  const services = await account.services();
  const load = (async () => {
    const tenants = await services.listTenants();
    const lists = await Promise.all(tenants.map((t) => services.listSubscriptions(t.tenantId).catch(() => [])));
    const selected = selectedSubscriptionIds();
    return lists
      .flat()
      .filter((s) => selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((s) => ({ label: s.displayName, description: s.subscriptionId, value: s }));
  })();
  return pick(title, vscode.l10n.t('Subscription'), load);
}

type Step =
  | { kind: 'this'; id: ComputeResourceId }
  | { kind: 'gallery'; id: GalleryId }
  | { kind: 'definition'; id: ImageDefinitionId }
  | { kind: 'application'; id: ApplicationId }
  | { kind: 'image'; id: ComputeResourceId };

/** How a command narrows the drill-down. */
export interface PickResourceOptions {
  /** The pickers' title (default "Choose a {kind}"). */
  readonly title?: string;
  /** Only the galleries this accepts are offered (e.g. those with soft delete on). */
  readonly galleryFilter?: (gallery: Gallery) => boolean;
  /** The gallery step's placeholder when only some galleries are offered ("Gallery with soft delete on"). */
  readonly galleryPlaceholder?: string;
}

/**
 * Drills subscription → gallery → definition or VM application → version (or managed image) until a resource of an
 * allowed kind is chosen.
 */
export async function pickResource(account: AzureAccount, kinds: readonly ArmResourceKind[], options: PickResourceOptions = {}): Promise<{ armId: ComputeResourceId; tenantId: string }> {
  const what = kinds.map(kindLabel).join(vscode.l10n.t(' or '));
  const title = options.title ?? vscode.l10n.t('Choose a {0}', what);
  const subscription = await pickSubscription(account, title);
  const service: GalleryService = (await account.services()).galleryService(subscription.subscriptionId, subscription.tenantId);
  const galleryKinds = kinds.some((k) => k !== 'managedImage');
  // A resource ID typed or pasted at any step (lists can be long; the resource may be easier to copy than to find).
  const typedId: TypedChoice<Step> = (text) => {
    if (!/^\/subscriptions\//i.test(text)) {
      return undefined;
    }
    const id = parseComputeResourceId(text);
    if (!id || !kinds.includes(id.kind)) {
      return armIdProblem(text) ?? vscode.l10n.t('That ID does not name what is asked for here ({0}).', what);
    }
    if (id.subscriptionId.toLowerCase() !== subscription.subscriptionId.toLowerCase()) {
      return vscode.l10n.t('That ID is in subscription {0}: choose that subscription first.', id.subscriptionId);
    }
    return { label: `$(link) ${displayName(id)}`, description: vscode.l10n.t('the {0} with the ID you typed', kindLabel(id.kind)), value: { kind: 'this', id } };
  };

  let step: Step = await pick<Step>(
    title,
    galleryKinds && kinds.includes('managedImage') ? vscode.l10n.t('Gallery or managed image') : galleryKinds ? (options.galleryPlaceholder ?? vscode.l10n.t('Gallery')) : vscode.l10n.t('Managed image'),
    (async () => {
      const choices: Array<Choice<Step>> = [];
      if (galleryKinds) {
        const galleries = await listAll((o) => service.listGalleries(o));
        for (const g of options.galleryFilter ? galleries.filter(options.galleryFilter) : galleries) {
          choices.push({ label: `$(library) ${g.name ?? ''}`, description: g.location, value: { kind: 'gallery', id: parseIdOfKind(g.id ?? '', 'gallery') } });
        }
      }
      if (kinds.includes('managedImage')) {
        for (const i of await listAll((o) => service.listManagedImages(o))) {
          choices.push({ label: `$(file-media) ${i.name ?? ''}`, description: vscode.l10n.t('managed image'), value: { kind: 'image', id: parseIdOfKind(i.id ?? '', 'managedImage') } });
        }
      }
      return choices;
    })(),
    typedId,
  );

  for (;;) {
    switch (step.kind) {
      case 'this':
      case 'image':
        return { armId: step.id, tenantId: subscription.tenantId };
      case 'gallery': {
        const gallery = step.id;
        const images = kinds.some((k) => k === 'imageDefinition' || k === 'imageVersion');
        const applications = kinds.some((k) => k === 'application' || k === 'applicationVersion');
        if (!images && !applications) {
          return { armId: gallery, tenantId: subscription.tenantId };
        }
        const placeholder = !applications
          ? vscode.l10n.t('Image definition in {0}', gallery.gallery)
          : images
            ? vscode.l10n.t('Image definition or VM application in {0}', gallery.gallery)
            : vscode.l10n.t('VM application in {0}', gallery.gallery);
        step = await pick<Step>(title, placeholder, (async () => {
          const choices: Array<Choice<Step>> = kinds.includes('gallery') ? [{ label: vscode.l10n.t('$(check) The gallery {0} itself', gallery.gallery), value: { kind: 'this', id: gallery } }] : [];
          if (images) {
            for (const d of await listAll((o) => service.listImageDefinitions(gallery, o))) {
              choices.push({ label: `$(symbol-class) ${d.name ?? ''}`, description: [d.osType, d.osState].filter(Boolean).join(' · '), value: { kind: 'definition', id: imageDefinitionId(gallery, d.name ?? '') } });
            }
          }
          if (applications) {
            for (const a of await listAll((o) => service.listApplications(gallery, o))) {
              choices.push({ label: `$(package) ${a.name ?? ''}`, description: [vscode.l10n.t('VM application'), a.supportedOSType].filter(Boolean).join(' · '), value: { kind: 'application', id: applicationId(gallery, a.name ?? '') } });
            }
          }
          return choices;
        })(), typedId);
        break;
      }
      case 'definition': {
        const definition = step.id;
        if (!kinds.includes('imageVersion')) {
          return { armId: definition, tenantId: subscription.tenantId };
        }
        step = await pick<Step>(title, vscode.l10n.t('Version of {0}', definition.imageDefinition), (async () => {
          const choices: Array<Choice<Step>> = kinds.includes('imageDefinition') ? [{ label: vscode.l10n.t('$(check) The definition {0} itself', definition.imageDefinition), value: { kind: 'this', id: definition } }] : [];
          const versions = sortVersionsDescending(await listAll((o) => service.listImageVersions(definition, o)));
          for (const v of versions) {
            choices.push({ label: `$(versions) ${v.name ?? ''}`, description: v.provisioningState, value: { kind: 'this', id: imageVersionId(definition, v.name ?? '') } });
          }
          return choices;
        })(), typedId);
        break;
      }
      case 'application': {
        const application = step.id;
        if (!kinds.includes('applicationVersion')) {
          return { armId: application, tenantId: subscription.tenantId };
        }
        step = await pick<Step>(title, vscode.l10n.t('Version of {0}', application.application), (async () => {
          const choices: Array<Choice<Step>> = kinds.includes('application')
            ? [{ label: vscode.l10n.t('$(check) The VM application {0} itself', application.application), value: { kind: 'this', id: application } }]
            : [];
          const versions = sortVersionsDescending(await listAll((o) => service.listApplicationVersions(application, o)));
          for (const v of versions) {
            choices.push({ label: `$(versions) ${v.name ?? ''}`, description: v.provisioningState, value: { kind: 'this', id: applicationVersionId(application, v.name ?? '') } });
          }
          return choices;
        })(), typedId);
        break;
      }
    }
  }
}

/**
 * Restore from the command palette: subscription → a gallery with soft delete on → image definition → one of its
 * soft-deleted versions (most recently deleted first), with the same pickers as every other command.
 */
export async function pickSoftDeletedVersion(account: AzureAccount): Promise<{ versionId: ImageVersionId; tenantId: string }> {
  const title = vscode.l10n.t('Choose a deleted image version to restore');
  const { armId, tenantId } = await pickResource(account, ['imageDefinition'], {
    title,
    galleryFilter: isSoftDeleteEnabled,
    galleryPlaceholder: vscode.l10n.t('Gallery with soft delete on (only those keep deleted versions)'),
  });
  if (armId.kind !== 'imageDefinition') {
    throw new Error(vscode.l10n.t('That ID does not name what is asked for here ({0}).', kindLabel('imageDefinition')));
  }
  const definition = armId;
  const service = (await account.services()).galleryService(definition.subscriptionId, tenantId);
  const versionId = await pick<ImageVersionId>(title, vscode.l10n.t('Deleted version of {0}', definition.imageDefinition), (async () => {
    const now = Date.now();
    const deleted = await listAll((o) => service.listSoftDeletedVersions(definition, o));
    const time = (d: { softDeletedTime?: Date | string }): number => (d.softDeletedTime === undefined ? 0 : new Date(d.softDeletedTime).getTime() || 0);
    return deleted
      .filter((d) => usableName(d.name) !== undefined)
      .sort((a, b) => time(b) - time(a))
      .map((d) => {
        const ago = timeAgo(d.softDeletedTime, now);
        return {
          label: `$(history) ${d.name ?? ''}`,
          description: ago ? vscode.l10n.t('deleted {0}', ago) : vscode.l10n.t('deleted (time unknown)'),
          value: imageVersionId(definition, d.name ?? ''),
        };
      });
  })());
  return { versionId, tenantId };
}
