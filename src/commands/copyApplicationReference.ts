import * as vscode from 'vscode';
import { applicationVersionId } from '../azure/armId';
import type { ApplicationVersionId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import { listAll } from '../azure/listAll';
import { resolveLatest } from '../domain/latest';
import type { TreeNode } from '../tree/TreeNode';
import { sortVersionsDescending } from '../tree/versionOrdering';
import { resolveTarget } from './ResourceTarget';

/**
 * One entry of a VM's or scale set's `properties.applicationProfile.galleryApplications[]`, as an ARM template takes it.
 * `packageReferenceId` is a VM application *version's* id (the API's contract: `…/applications/{app}/versions/{version}`;
 * no `latest` alias is documented, so a concrete version is always given). `order` and
 * `treatFailureAsDeploymentFailure` are optional in ARM and written out so they are easy to change;
 * `configurationReference` (a blob URI replacing the package's default configuration) is left out: it is added by hand
 * when wanted (the notification says so).
 */
export function applicationReference(version: ApplicationVersionId): string {
  return JSON.stringify({ packageReferenceId: version.id, order: 1, treatFailureAsDeploymentFailure: false }, null, 2);
}

interface VersionChoice extends vscode.QuickPickItem {
  readonly id: ApplicationVersionId;
}

/** Copies the `galleryApplications` entry for a VM application version; on an application, the version chosen (latest first). */
export async function copyApplicationReference(account: AzureAccount, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['applicationVersion', 'application']);
  const id = target.armId;
  let version: ApplicationVersionId;
  if (id.kind === 'applicationVersion') {
    version = id;
  } else if (id.kind === 'application') {
    const service = (await account.services()).galleryService(id.subscriptionId, target.tenantId);
    const versions = sortVersionsDescending(await listAll((o) => service.listApplicationVersions(id, o)));
    const latest = resolveLatest(versions);
    const choices: VersionChoice[] = versions
      .filter((v) => typeof v.name === 'string' && v.name !== '')
      .map((v) => ({
        label: v.name ?? '',
        description: [v === latest ? vscode.l10n.t('latest') : undefined, v.publishingProfile?.excludeFromLatest ? vscode.l10n.t('excluded from latest') : undefined, v.provisioningState]
          .filter(Boolean)
          .join(' · '),
        id: applicationVersionId(id, v.name ?? ''),
      }));
    if (choices.length === 0) {
      throw new Error(vscode.l10n.t('VM application {0} has no versions yet, and a VM refers to a version. Create a version first (Create Application Version… on the application).', id.application));
    }
    const first = choices.find((c) => c.id.version === latest?.name) ?? choices[0];
    const ordered = [first, ...choices.filter((c) => c !== first)];
    const chosen = await vscode.window.showQuickPick(ordered, {
      title: vscode.l10n.t('Copy Application Reference'),
      placeHolder: vscode.l10n.t('Which version of {0} should the VM install?', id.application),
    });
    if (!chosen) {
      return;
    }
    version = chosen.id;
  } else {
    throw new Error(vscode.l10n.t('Copy Application Reference works on a VM application or one of its versions.'));
  }
  await vscode.env.clipboard.writeText(applicationReference(version));
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Copied the application reference for {0} {1}: paste it into applicationProfile.galleryApplications of a VM or scale set. Add "configurationReference" (a blob URI) to replace its default configuration.',
      version.application,
      version.version,
    ),
  );
}
