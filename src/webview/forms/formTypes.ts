/**
 * The vocabulary of the resource forms, shared by the extension host and the webview (both bundle it).
 * Pure: no `vscode`, no DOM, no Azure SDK.
 */

/** `gallerySharing`: the Share form of a gallery (update mode only; its target is the gallery). */
export type FormKind = 'gallery' | 'imageDefinition' | 'imageVersion' | 'application' | 'applicationVersion' | 'managedImage' | 'gallerySharing';
export type FormMode = 'create' | 'update';

export const FORM_KINDS: readonly FormKind[] = ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage', 'gallerySharing'];

/** The kind of resource a form edits (the Share form edits a gallery). */
export function formResourceKind<K extends FormKind>(kind: K): Exclude<K, 'gallerySharing'> | 'gallery' {
  return kind === 'gallerySharing' ? 'gallery' : (kind as Exclude<K, 'gallerySharing'>);
}

/** One row of a table field (target regions, data disks, tags): column id → text. */
export type TableRow = Readonly<Record<string, string>>;
export type FieldValue = string | boolean | readonly TableRow[];
/** Everything typed into a form, by field id. Plain JSON, so it survives setState and postMessage. */
export type FormValues = Readonly<Record<string, FieldValue>>;

/** Field id (or `table[row].column`) → what is wrong with it. */
export type FieldErrors = Readonly<Record<string, string>>;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What the forms know about a resource offered in a picker, for checks such as "same region as the source". */
export interface ResourceFacts {
  readonly location?: string;
  readonly osType?: string;
  readonly osState?: string;
  readonly hyperVGeneration?: string;
  readonly architecture?: string;
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
}

export interface PickerOption extends Choice {
  readonly facts?: ResourceFacts;
}

/** Lists the host fills pickers from; each is scoped by the values named in {@link PICKER_SCOPES}. */
export type PickerSource =
  | 'subscriptions'
  | 'resourceGroups'
  | 'locations'
  | 'galleries'
  | 'imageDefinitions'
  | 'managedImages'
  | 'virtualMachines'
  | 'disks'
  | 'snapshots'
  | 'diskSources'
  | 'storageAccounts'
  | 'diskEncryptionSets'
  | 'imageVersions'
  | 'applications';

export const PICKER_SOURCES: readonly PickerSource[] = [
  'subscriptions',
  'resourceGroups',
  'locations',
  'galleries',
  'imageDefinitions',
  'managedImages',
  'virtualMachines',
  'disks',
  'snapshots',
  'diskSources',
  'storageAccounts',
  'diskEncryptionSets',
  'imageVersions',
  'applications',
];

/** Which form values a picker's list depends on (the list is loaded again when they change). */
export const PICKER_SCOPES: Readonly<Record<PickerSource, readonly string[]>> = {
  subscriptions: [],
  resourceGroups: ['subscriptionId'],
  locations: ['subscriptionId'],
  galleries: ['subscriptionId'],
  imageDefinitions: ['galleryId'],
  managedImages: ['subscriptionId'],
  virtualMachines: ['subscriptionId'],
  disks: ['subscriptionId'],
  snapshots: ['subscriptionId'],
  diskSources: ['subscriptionId'],
  storageAccounts: ['subscriptionId'],
  diskEncryptionSets: ['subscriptionId'],
  imageVersions: ['subscriptionId'],
  applications: ['galleryId'],
};

export interface PickerState {
  readonly status: 'loading' | 'ready' | 'error';
  readonly options: readonly PickerOption[];
  readonly message?: string;
}

interface FieldBase {
  readonly id: string;
  readonly label: string;
  readonly section: string;
  readonly help?: string;
  readonly required?: boolean;
  /** Shown but locked in update mode (Azure does not let it change). */
  readonly immutable?: boolean;
  /** Only in this mode (e.g. the resource-group choice exists only when creating). */
  readonly onlyIn?: FormMode;
  /** Shown only when this holds (e.g. the VHD fields when the source is a VHD). */
  readonly visibleWhen?: (values: FormValues, mode: FormMode) => boolean;
  readonly placeholder?: string;
}

export interface TextField extends FieldBase {
  readonly type: 'text' | 'textarea' | 'date' | 'number';
  /**
   * A link that may carry a SAS token (a VM application's package): shown with its query hidden once typed
   * (domain/applications.ts redactLink), never logged.
   */
  readonly secret?: boolean;
}
export interface SelectField extends FieldBase {
  readonly type: 'select' | 'radio';
  readonly choices: readonly Choice[];
}
export interface CheckboxField extends FieldBase {
  readonly type: 'checkbox';
  /**
   * The box confirms what the rest of the form does (the Share form's "I understand who gains and who loses access"):
   * any other edit, a table row added or removed included, unticks it, so it never confirms a change the user did not
   * read.
   */
  readonly confirmsOthers?: boolean;
}
/** Several choices, stored as a comma-separated string ("Standard_LRS,Premium_LRS"). */
export interface MultiField extends FieldBase {
  readonly type: 'multi';
  readonly choices: readonly Choice[];
}
export interface PickerField extends FieldBase {
  readonly type: 'picker';
  readonly source: PickerSource;
  /** Label of the empty choice; without it the picker has no empty choice once loaded. */
  readonly emptyLabel?: string;
}

export interface TableColumn {
  readonly id: string;
  readonly label: string;
  readonly type: 'text' | 'number' | 'select' | 'picker';
  readonly choices?: readonly Choice[];
  readonly source?: PickerSource;
  readonly emptyLabel?: string;
  readonly placeholder?: string;
  /** Locked in update mode for rows that already existed. */
  readonly immutable?: boolean;
  /** Kept with the row but not shown (e.g. Azure's exact encryption settings of an existing region). */
  readonly hidden?: boolean;
}
export interface TableField extends FieldBase {
  readonly type: 'table';
  readonly columns: readonly TableColumn[];
  readonly addLabel: string;
  readonly maxRows?: number;
  /** Values of a new row. */
  readonly newRow?: (values: FormValues) => TableRow;
}

export type FieldSpec = TextField | SelectField | CheckboxField | MultiField | PickerField | TableField;

export interface FormSection {
  readonly id: string;
  readonly title: string;
}

/** What the host knows (and the webview gets a copy of) to check values that depend on Azure. */
export interface ValidationContext {
  /** ms since the epoch: "in the future" is judged against it. */
  readonly now: number;
  /** Lower-cased names already taken next to the new resource; undefined while unknown. */
  readonly siblingNames?: readonly string[];
  /** publisher/offer/sku of the other definitions in the gallery (image definition form). */
  readonly siblingIdentifiers?: ReadonlyArray<{ readonly name: string; readonly publisher: string; readonly offer: string; readonly sku: string }>;
  /** The parent image definition (image version form). */
  readonly definition?: ResourceFacts;
  /** Picker lists by source, to look up the facts of a chosen resource. */
  readonly options?: Readonly<Partial<Record<PickerSource, readonly PickerOption[]>>>;
  /** Update mode: the values the resource had when the form opened. */
  readonly original?: FormValues;
}

/** One request of a form that sends several (the Share form): shown before sending, sent in this order. */
export interface PlannedRequest {
  readonly method: 'POST' | 'PATCH';
  /** ARM path with its api-version. */
  readonly path: string;
  readonly body: JsonObject;
}

/** Where a request goes. */
export interface ArmTarget {
  readonly method: 'PUT' | 'PATCH';
  /** ARM id of the resource. */
  readonly id: string;
  readonly apiVersion: string;
  readonly subscriptionId: string;
}

export interface FormDefinition {
  readonly kind: FormKind;
  /** "gallery", "image definition" … */
  readonly noun: string;
  readonly sections: readonly FormSection[];
  readonly fields: readonly FieldSpec[];
  /** Values of a new, empty form. */
  defaults(): FormValues;
  /** Every problem with the values; empty when the request may be sent. */
  validate(values: FormValues, mode: FormMode, context: ValidationContext): FieldErrors;
  /**
   * Field id → what the user should know before sending, though Azure accepts it (e.g. a deletion block that never
   * ends). Shown next to the field; never stops the request.
   */
  warnings?(values: FormValues, mode: FormMode, context: ValidationContext): FieldErrors;
  /** The request for these values, or undefined while the fields it needs are not valid. */
  target(values: FormValues, mode: FormMode): ArmTarget | undefined;
  /** The exact JSON body sent to ARM. */
  requestBody(values: FormValues, mode: FormMode, context: ValidationContext): JsonObject;
  /**
   * A form that sends several requests lists them here, in order (the page shows them; the host sends exactly
   * these). Without it, the one request is `target` + `requestBody`.
   */
  requests?(values: FormValues, mode: FormMode, context: ValidationContext): readonly PlannedRequest[];
  /** The resource as an ARM template resource (type, apiVersion, name, location, properties…). */
  templateResource(values: FormValues, context: ValidationContext): JsonObject;
  /** Form values of an existing resource (ARM's JSON, as GET returns it), for update mode. */
  fromResource(resource: JsonObject): FormValues;
  /** The field an ARM error `target` points at ("galleryImageVersionName" → "name"), if any. */
  fieldForArmTarget(target: string): string | undefined;
  /**
   * Values that follow from a change the user made (e.g. the source's region becomes the location and
   * the first target region). Only fills what is empty; never overwrites what the user typed.
   */
  adjust?(values: FormValues, changed: string, context: ValidationContext): FormValues;
}
