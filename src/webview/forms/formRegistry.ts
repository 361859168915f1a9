/**
 * The form of each resource kind. Pure, shared by the host and the webview.
 */
import type { FormDefinition, FormKind } from './formTypes';
import { applicationForm } from './applicationForm';
import { applicationVersionForm } from './applicationVersionForm';
import { galleryForm } from './galleryForm';
import { gallerySharingForm } from './gallerySharingForm';
import { imageDefinitionForm } from './imageDefinitionForm';
import { imageVersionForm } from './imageVersionForm';
import { managedImageForm } from './managedImageForm';

const FORMS: Record<FormKind, FormDefinition> = {
  gallery: galleryForm,
  imageDefinition: imageDefinitionForm,
  imageVersion: imageVersionForm,
  application: applicationForm,
  applicationVersion: applicationVersionForm,
  managedImage: managedImageForm,
  gallerySharing: gallerySharingForm,
};

export function formDefinition(kind: FormKind): FormDefinition {
  return FORMS[kind];
}
