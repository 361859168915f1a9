import * as vscode from 'vscode';
import type { GalleryImageVersion } from '../azure/services';
import { galleryId, imageDefinitionId, parseIdOfKind } from '../azure/armId';
import type { ImageVersionId } from '../azure/armId';
import { resourceContext } from './resourceContext';
import type { ResourceContext } from './resourceContext';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';
import { VersionNode } from './VersionNode';
import type { VersionKindSpec } from './VersionNode';

/** Image versions: what differs from VM application versions (the row itself is {@link VersionNode}). */
export const IMAGE_VERSIONS: VersionKindSpec<GalleryImageVersion, ImageVersionId> = {
  contextValue: 'imageVersion',
  noun: () => vscode.l10n.t('image version'),
  title: (version) => vscode.l10n.t('Image version {0}', version),
  read: (service, id, signal) => service.getImageVersion(id, { signal }),
};

export class ImageVersionNode extends VersionNode<GalleryImageVersion, ImageVersionId> {
  constructor(
    ctx: TreeContext,
    parent: TreeNode,
    version: GalleryImageVersion,
    definitionEndOfLife: Date | undefined,
    tenantId: string,
    /** Built by the parent definition from its own id and the version's name. */
    armId?: ImageVersionId,
  ) {
    super(ctx, parent, version, definitionEndOfLife, tenantId, armId ?? parseIdOfKind(version.id ?? '', 'imageVersion'), IMAGE_VERSIONS);
  }

  /** A new version created here goes to the definition's region (its parent's context). */
  resourceContext(): ResourceContext {
    const { armId } = this;
    const gallery = galleryId(armId.subscriptionId, armId.resourceGroup, armId.gallery);
    const location = resourceContext(this.parent)?.location;
    return {
      subscriptionId: armId.subscriptionId,
      tenantId: this.tenantId,
      resource: armId,
      galleryId: gallery.id,
      definitionId: imageDefinitionId(gallery, armId.imageDefinition).id,
      ...(location === undefined ? {} : { location }),
    };
  }
}
