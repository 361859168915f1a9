/**
 * Checks a schema cannot express, on a resource body (REST body file) or a resource object of an ARM template.
 * Pure functions over jsonc-parser nodes; offsets are those of the parsed text.
 *
 * Each check skips values that are ARM expressions: they are only known at deployment.
 * The rules themselves live in src/domain (version names, regions, end of life, security type and generation), shared
 * with the forms, the tree and the schema generator; the messages here follow the errors the Compute RP returns
 * (see test/fixtures/reference/ARM_BEHAVIOUR.md §5).
 */
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import type { JSONSchema } from 'vscode-json-languageservice';

type JSONSchemaRef = JSONSchema | boolean;
import type { GalleryResourceKind } from './resourceKinds';
import { RESOURCE_KIND_INFO } from './resourceKinds';
import { commandRefusal } from '../domain/applications';
import { deletionBlock } from '../domain/deletionSafety';
import { endOfLifeTime, isPastEndOfLife } from '../domain/endOfLife';
import { normalizeRegion } from '../domain/regions';
import { securityTypeFitsGeneration } from '../domain/securityProfile';
import { COMMUNITY_INFO_FIELDS, communityInfoProblems, PUBLIC_NAME_PREFIX_MAX, PUBLIC_NAME_PREFIX_MIN, type CommunityInfoField, type CommunityInfoReason } from '../domain/sharing';
import { VERSION_PART_LABELS, VERSION_PART_MAX_DIGITS, versionNameRule } from '../domain/versions';
import { isArmExpression, property, stringValue } from './templateResources';

export { normalizeRegion };

export type CheckSeverity = 'error' | 'warning' | 'information';

export type GalleryCheckCode =
  | 'imageVersionName'
  | 'nameSegments'
  | 'sourceRegionNotTargeted'
  | 'duplicateTargetRegion'
  | 'endOfLifeInPast'
  | 'deletionBlockedWithoutEndOfLife'
  | 'minGreaterThanMax'
  | 'securityTypeNeedsGen2'
  | 'storageAccountTypeAndStrategy'
  | 'communityInfoMissing'
  | 'communityInfoFormat'
  | 'applicationTextTooLong'
  | 'unknownProperty';

export interface GalleryProblem {
  readonly offset: number;
  readonly length: number;
  readonly severity: CheckSeverity;
  readonly code: GalleryCheckCode;
  readonly message: string;
}

export interface GalleryCheckContext {
  readonly kind: GalleryResourceKind;
  /** The object to check: the whole body document, or the resource object of a template. */
  readonly resource: Node;
  /** For template resources: where it was declared, so the name can be checked. Undefined for body documents. */
  readonly template?: { readonly nested: boolean; readonly declaredType: string };
  /** Schema of `resource` (template-resource or body schema) for the unknown-property check; omit to skip it. */
  readonly schema?: JSONSchema;
  readonly now: Date;
  /**
   * An update (PATCH) body: it holds only what changes, so what it leaves out (e.g. the end-of-life date) may be set
   * on the resource already; checks that need the whole resource are skipped.
   */
  readonly update?: boolean;
}

/**
 * The checks, grouped by what they read: `reads` are the members each group looks at, as paths of keys from the
 * resource object (compared without case, as `property` does), `codes` what it reports. The unknown-property check
 * reads every key and where objects and arrays are, but no scalar value.
 */
export type GalleryCheckGroup = 'name' | 'targetRegions' | 'endOfLife' | 'deletionSafety' | 'storageAccount' | 'applicationCommands' | 'recommended' | 'securityType' | 'communityGallery' | 'unknownProperties';

const CHECK_GROUPS: Readonly<Record<GalleryCheckGroup, { readonly codes: readonly GalleryCheckCode[]; readonly reads: readonly (readonly string[])[] | 'keys' }>> = {
  name: { codes: ['nameSegments', 'imageVersionName'], reads: [['name']] },
  targetRegions: { codes: ['duplicateTargetRegion', 'sourceRegionNotTargeted'], reads: [['location'], ['properties', 'publishingProfile', 'targetRegions']] },
  endOfLife: { codes: ['endOfLifeInPast'], reads: [['properties', 'publishingProfile', 'endOfLifeDate'], ['properties', 'endOfLifeDate']] },
  deletionSafety: {
    codes: ['deletionBlockedWithoutEndOfLife'],
    reads: [['properties', 'safetyProfile'], ['properties', 'publishingProfile', 'endOfLifeDate']],
  },
  storageAccount: {
    codes: ['storageAccountTypeAndStrategy'],
    reads: [
      ['properties', 'publishingProfile', 'storageAccountType'],
      ['properties', 'publishingProfile', 'storageAccountStrategy'],
    ],
  },
  applicationCommands: {
    codes: ['applicationTextTooLong'],
    reads: [
      ['properties', 'publishingProfile', 'manageActions'],
      ['properties', 'publishingProfile', 'settings'],
    ],
  },
  recommended: { codes: ['minGreaterThanMax'], reads: [['properties', 'recommended']] },
  securityType: { codes: ['securityTypeNeedsGen2'], reads: [['properties', 'features'], ['properties', 'hyperVGeneration']] },
  communityGallery: { codes: ['communityInfoMissing', 'communityInfoFormat'], reads: [['properties', 'sharingProfile']] },
  unknownProperties: { codes: ['unknownProperty'], reads: 'keys' },
};

const ALL_CHECK_GROUPS: ReadonlySet<GalleryCheckGroup> = new Set(Object.keys(CHECK_GROUPS) as GalleryCheckGroup[]);

/** The checks an edit may change the verdict of, and the codes they report (what the earlier result must drop). */
export interface AffectedChecks {
  readonly groups: ReadonlySet<GalleryCheckGroup>;
  readonly codes: ReadonlySet<string>;
}

/**
 * The checks to run again after an edit strictly inside one value of the resource (the rest of its text unchanged),
 * at `path` (keys and array indices from the resource object): those reading that value, something inside it or a
 * member holding it, and the unknown-property check unless the value is a scalar in both versions (then no key or
 * container changed). The others report exactly what they reported before, at the same places (moved by the edit).
 */
export function checksAffectedByEdit(path: readonly (string | number)[], scalar: boolean): AffectedChecks {
  // Keys compared without case and every array index alike, as pathsOverlap does: a few distinct answers, asked per keystroke.
  let key = scalar ? 's' : 'c';
  for (const step of path) {
    key += typeof step === 'string' ? `\u0000${step.toLowerCase()}` : '\u0001';
  }
  let affected = affectedByPath.get(key);
  if (!affected) {
    if (affectedByPath.size >= MAX_AFFECTED_PATHS) {
      affectedByPath.clear();
    }
    affected = findAffectedChecks(path, scalar);
    affectedByPath.set(key, affected);
  }
  return affected;
}

const affectedByPath = new Map<string, AffectedChecks>();
const MAX_AFFECTED_PATHS = 512;

function findAffectedChecks(path: readonly (string | number)[], scalar: boolean): AffectedChecks {
  const groups = new Set<GalleryCheckGroup>();
  const codes = new Set<string>();
  for (const group of ALL_CHECK_GROUPS) {
    const { reads } = CHECK_GROUPS[group];
    if (reads === 'keys' ? !scalar : reads.some((read) => pathsOverlap(read, path))) {
      groups.add(group);
      for (const code of CHECK_GROUPS[group].codes) {
        codes.add(code);
      }
    }
  }
  return { groups, codes };
}

/** One path leads into the other (or they are the same): keys compared without case, an index never equals a key. */
function pathsOverlap(read: readonly string[], path: readonly (string | number)[]): boolean {
  const common = Math.min(read.length, path.length);
  for (let i = 0; i < common; i++) {
    const step = path[i];
    if (typeof step !== 'string' || step.toLowerCase() !== read[i]?.toLowerCase()) {
      return false;
    }
  }
  return true;
}

/**
 * Which checks apply to a kind: one descriptor per kind, so a new kind adds a row here instead of another branch.
 * Messages are functions (l10n.t runs when the message is needed, never at import).
 */
interface KindChecks {
  /** The "gallery/…" shape of a top-level name, for the name-segment message. */
  readonly nameShape: string;
  /** Why the last name segment is not a valid version name (version kinds only). */
  readonly versionName?: (name: string) => string | undefined;
  /** Where the end-of-life date is, and what the message calls the resource ("an {what} whose end-of-life date…"). */
  readonly endOfLife?: { readonly inPublishingProfile: boolean; readonly what: () => string };
  /** A version with a publishing profile: target regions and the source region, storage account choice, deletion block. */
  readonly publishingProfile?: {
    readonly sourceRegionMessage: (location: string, listed: string) => string;
    /** `safetyProfile.blockDeletionBeforeEndOfLife` exists for this kind. */
    readonly deletionSafety: boolean;
  };
  /** Recommended ranges and security type vs generation. */
  readonly imageDefinitionRules?: boolean;
  /** `sharingProfile`: Community needs the publisher information (issue 13). */
  readonly sharingProfile?: boolean;
  /** A VM application version's install / remove / update commands and file names: ARM's length limit. */
  readonly applicationCommands?: boolean;
}

const KIND_CHECKS: Readonly<Record<GalleryResourceKind, KindChecks>> = {
  gallery: { nameShape: 'gallery', sharingProfile: true },
  imageDefinition: { nameShape: 'gallery/definition', endOfLife: { inPublishingProfile: false, what: () => l10n.t('image definition') }, imageDefinitionRules: true },
  imageVersion: {
    nameShape: 'gallery/definition/version',
    versionName: imageVersionNameProblem,
    endOfLife: { inPublishingProfile: true, what: () => l10n.t('image version') },
    publishingProfile: {
      sourceRegionMessage: (location, listed) =>
        l10n.t('The source region "{0}" (the version\'s location) is not among the target regions ({1}). Azure requires publishingProfile.targetRegions to include the location of the image version.', location, listed),
      deletionSafety: true,
    },
  },
  application: { nameShape: 'gallery/application', endOfLife: { inPublishingProfile: false, what: () => l10n.t('application') } },
  applicationVersion: {
    nameShape: 'gallery/application/version',
    versionName: applicationVersionNameProblem,
    endOfLife: { inPublishingProfile: true, what: () => l10n.t('application version') },
    publishingProfile: {
      sourceRegionMessage: (location, listed) =>
        l10n.t('The source region "{0}" (the version\'s location) is not among the target regions ({1}). Azure requires publishingProfile.targetRegions to include the location of the application version.', location, listed),
      deletionSafety: false,
    },
    applicationCommands: true,
  },
  managedImage: { nameShape: 'image' },
};

/** Runs the checks of `groups` (all of them by default). */
export function runGalleryChecks(context: GalleryCheckContext, groups: ReadonlySet<GalleryCheckGroup> = ALL_CHECK_GROUPS): GalleryProblem[] {
  const problems: GalleryProblem[] = [];
  const { kind, resource } = context;
  const properties = property(resource, 'properties');
  if (context.template && groups.has('name')) {
    checkName(context, problems);
  }
  const plan = KIND_CHECKS[kind];
  const publishing = plan.publishingProfile ? property(properties, 'publishingProfile') : undefined;
  if (plan.publishingProfile && groups.has('targetRegions')) {
    checkTargetRegions(resource, publishing, plan.publishingProfile.sourceRegionMessage, problems);
  }
  if (plan.endOfLife && groups.has('endOfLife')) {
    const holder = plan.endOfLife.inPublishingProfile ? publishing : properties;
    checkEndOfLife(property(holder, 'endOfLifeDate'), plan.endOfLife.what(), context.now, problems);
  }
  if (plan.publishingProfile?.deletionSafety && !context.update && groups.has('deletionSafety')) {
    checkDeletionBlock(property(properties, 'safetyProfile'), property(publishing, 'endOfLifeDate'), context.now, problems);
  }
  if (plan.publishingProfile && groups.has('storageAccount')) {
    checkStorageAccountChoice(publishing, problems);
  }
  if (plan.applicationCommands && groups.has('applicationCommands')) {
    checkApplicationTexts(publishing, problems);
  }
  if (plan.imageDefinitionRules) {
    if (groups.has('recommended')) {
      const recommended = property(properties, 'recommended');
      checkRange(property(recommended, 'vCPUs'), 'vCPUs', problems);
      checkRange(property(recommended, 'memory'), 'memory', problems);
    }
    if (groups.has('securityType')) {
      checkSecurityType(properties, problems);
    }
  }
  if (plan.sharingProfile && groups.has('communityGallery')) {
    checkCommunityInfo(property(properties, 'sharingProfile'), context.update === true, problems);
  }
  if (!groups.has('unknownProperties')) {
    return problems;
  }
  if (context.schema) {
    checkUnknownProperties(resource, context.schema, context.schema, l10n.t('the {0}', RESOURCE_KIND_INFO[kind].displayName), problems);
  }
  return problems;
}

/** Why an image version name is invalid, or undefined when it is Major.Minor.Patch with 32-bit integer parts. */
export function imageVersionNameProblem(name: string): string | undefined {
  const refusal = versionNameRule(name);
  switch (refusal?.reason) {
    case undefined:
      return undefined;
    case 'empty':
    case 'notThreeParts':
      return l10n.t('Image version name "{0}" must have three parts, Major.Minor.Patch (for example 1.0.0).', name);
    case 'notAnInteger':
      return l10n.t('Image version name "{0}": {1} part "{2}" is not an integer. Each part of Major.Minor.Patch must be an integer between 0 and 2,147,483,647.', name, VERSION_PART_LABELS[refusal.part], refusal.text);
    case 'tooLarge':
      return l10n.t('Image version name "{0}": {1} part {2} is larger than 2,147,483,647 (each part must be a 32-bit integer).', name, VERSION_PART_LABELS[refusal.part], refusal.text);
    case 'tooManyDigits':
      return l10n.t('Image version name "{0}": {1} part "{2}" has more than {3} digits. Azure takes at most {4} digits per part, leading zeros included.', name, VERSION_PART_LABELS[refusal.part], refusal.text, VERSION_PART_MAX_DIGITS, VERSION_PART_MAX_DIGITS);
  }
}

/** Why a VM application version name is invalid (the same rule as image versions, worded for applications). */
export function applicationVersionNameProblem(name: string): string | undefined {
  const refusal = versionNameRule(name);
  switch (refusal?.reason) {
    case undefined:
      return undefined;
    case 'empty':
    case 'notThreeParts':
      return l10n.t('Application version name "{0}" must have three parts, Major.Minor.Patch (for example 1.0.0).', name);
    case 'notAnInteger':
      return l10n.t('Application version name "{0}": {1} part "{2}" is not an integer. Each part of Major.Minor.Patch must be an integer between 0 and 2,147,483,647.', name, VERSION_PART_LABELS[refusal.part], refusal.text);
    case 'tooLarge':
      return l10n.t('Application version name "{0}": {1} part {2} is larger than 2,147,483,647 (each part must be a 32-bit integer).', name, VERSION_PART_LABELS[refusal.part], refusal.text);
    case 'tooManyDigits':
      return l10n.t('Application version name "{0}": {1} part "{2}" has more than {3} digits. Azure takes at most {4} digits per part, leading zeros included.', name, VERSION_PART_LABELS[refusal.part], refusal.text, VERSION_PART_MAX_DIGITS, VERSION_PART_MAX_DIGITS);
  }
}

function checkName(context: GalleryCheckContext, problems: GalleryProblem[]): void {
  const nameNode = property(context.resource, 'name');
  const name = stringValue(nameNode);
  if (!nameNode || name === undefined || isArmExpression(name) || !context.template) {
    return;
  }
  const info = RESOURCE_KIND_INFO[context.kind];
  const segments = name.split('/');
  // Top level: the full name ("gallery/definition/version"). Nested with a relative type: one segment per type
  // segment ("versions" → "1.0.0"). Nested with a full type: either form is seen in real templates, so not checked.
  const declaredSegments = context.template.declaredType.split('/');
  const qualified = declaredSegments.length > 1 && (declaredSegments[0] ?? '').includes('.');
  let expected: number | undefined;
  if (!context.template.nested) {
    expected = info.nameSegments;
  } else if (!qualified) {
    expected = declaredSegments.length;
  }
  if (expected !== undefined && segments.length !== expected) {
    problems.push({
      ...at(nameNode),
      severity: 'error',
      code: 'nameSegments',
      message: context.template.nested
        ? l10n.t('{0} declared inside its parent\'s resources as "{1}" takes a {2}-part name relative to the parent, not "{3}".', capitalize(withArticle(info.displayName)), context.template.declaredType, expected, name)
        : l10n.t('A top-level {0} resource needs a {1}-part name "{2}", not "{3}".', info.armType, expected, KIND_CHECKS[context.kind].nameShape, name),
    });
    return;
  }
  const versionName = KIND_CHECKS[context.kind].versionName;
  if (versionName) {
    const version = segments[segments.length - 1] ?? '';
    const problem = versionName(version);
    if (problem) {
      problems.push({ ...at(nameNode), severity: 'error', code: 'imageVersionName', message: problem });
    }
  }
}

function checkTargetRegions(
  resource: Node,
  publishing: Node | undefined,
  sourceRegionMessage: (location: string, listed: string) => string,
  problems: GalleryProblem[],
): void {
  const regions = property(publishing, 'targetRegions');
  if (!regions || regions.type !== 'array') {
    return;
  }
  const names: { name: string; node: Node }[] = [];
  for (const item of regions.children ?? []) {
    const nameNode = property(item, 'name');
    const name = stringValue(nameNode);
    if (item.type !== 'object' || !nameNode || name === undefined || isArmExpression(name)) {
      return; // an expression somewhere: the set is only known at deployment
    }
    names.push({ name, node: nameNode });
  }
  const seen = new Map<string, string>();
  for (const { name, node } of names) {
    const key = normalizeRegion(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        ...at(node),
        severity: 'error',
        code: 'duplicateTargetRegion',
        message: l10n.t('Target region "{0}" is listed twice (as "{1}" before). Azure rejects duplicate target regions.', name, earlier),
      });
    } else {
      seen.set(key, name);
    }
  }
  const location = stringValue(property(resource, 'location'));
  if (location === undefined || isArmExpression(location) || names.length === 0) {
    return;
  }
  if (!seen.has(normalizeRegion(location))) {
    const listed = names.map(({ name }) => `"${name}"`).join(', ');
    problems.push({
      ...at(regions),
      severity: 'error',
      code: 'sourceRegionNotTargeted',
      message: sourceRegionMessage(location, listed),
    });
  }
}

function checkEndOfLife(node: Node | undefined, what: string, now: Date, problems: GalleryProblem[]): void {
  const value = stringValue(node);
  if (!node || value === undefined || isArmExpression(value)) {
    return;
  }
  if (!isPastEndOfLife(value, now.getTime())) {
    return; // in the future, or not a date (the schema's format check reports that)
  }
  problems.push({
    ...at(node),
    severity: 'warning',
    code: 'endOfLifeInPast',
    message: l10n.t('End-of-life date {0} is in the past. Azure rejects creating or updating an {1} whose end-of-life date has passed ("EndOfLifeDate must be set to a future date").', value, what),
  });
}

/**
 * `safetyProfile.blockDeletionBeforeEndOfLife` with no end-of-life date: the version can never be deleted until the
 * block is turned off (src/domain/deletionSafety.ts `deletionBlock`, 'noEndOfLife'). Azure accepts it; a warning.
 */
function checkDeletionBlock(safety: Node | undefined, endOfLife: Node | undefined, now: Date, problems: GalleryProblem[]): void {
  const blockNode = property(safety, 'blockDeletionBeforeEndOfLife');
  const block = blockNode?.value === true || (typeof blockNode?.value === 'string' && blockNode.value.toLowerCase() === 'true');
  const eol = stringValue(endOfLife);
  if (!blockNode || !block || (endOfLife && eol === undefined) || (eol !== undefined && isArmExpression(eol))) {
    return; // off, or the date is only known at deployment
  }
  // An unreadable date is the schema's to report; for the block it counts as no date, as in the domain rule.
  const date = eol !== undefined && endOfLifeTime(eol) !== undefined ? eol : undefined;
  if (deletionBlock({ safetyProfile: { blockDeletionBeforeEndOfLife: true }, publishingProfile: { endOfLifeDate: date } }, now.getTime())?.reason !== 'noEndOfLife') {
    return;
  }
  problems.push({
    ...at(blockNode),
    severity: 'warning',
    code: 'deletionBlockedWithoutEndOfLife',
    message: l10n.t(
      'blockDeletionBeforeEndOfLife is true but publishingProfile.endOfLifeDate is not set: Azure will refuse to delete this image version until the block is turned off. Set an end-of-life date to allow deletion after it.',
    ),
  });
}

function checkRange(range: Node | undefined, what: string, problems: GalleryProblem[]): void {
  const minNode = property(range, 'min');
  const min = numberOf(minNode);
  const max = numberOf(property(range, 'max'));
  if (minNode && min !== undefined && max !== undefined && min > max) {
    problems.push({
      ...at(minNode),
      severity: 'error',
      code: 'minGreaterThanMax',
      message: l10n.t('Recommended {0}: min ({1}) is greater than max ({2}). Azure rejects a minimum above the maximum.', what, min, max),
    });
  }
}

function checkSecurityType(properties: Node | undefined, problems: GalleryProblem[]): void {
  const features = property(properties, 'features');
  const generationNode = property(properties, 'hyperVGeneration');
  const generation = stringValue(generationNode);
  if (!features || features.type !== 'array' || (generation !== undefined && isArmExpression(generation)) || (generationNode && generation === undefined)) {
    return;
  }
  for (const feature of features.children ?? []) {
    const name = stringValue(property(feature, 'name'));
    const valueNode = property(feature, 'value');
    const value = stringValue(valueNode);
    if (valueNode && name?.toLowerCase() === 'securitytype' && value && !securityTypeFitsGeneration(value, generation)) {
      problems.push({
        ...at(valueNode),
        severity: 'warning',
        code: 'securityTypeNeedsGen2',
        message: generation
          ? l10n.t('Security type "{0}" needs a Generation 2 image: set hyperVGeneration to "V2" (it is "{1}").', value, generation)
          : l10n.t('Security type "{0}" needs a Generation 2 image: set hyperVGeneration to "V2" (it defaults to "V1").', value),
      });
    }
  }
}

/**
 * `permissions: Community` without the publisher information ARM needs before EnableCommunity: an error per missing
 * field (the same rule as the Share form, src/domain/sharing.ts); a badly formed one (not https, not an e-mail, a
 * prefix of other characters or length) a warning, since the deployment itself accepts it. An update body that leaves
 * `communityGalleryInfo` out keeps the gallery's: nothing to check.
 */
function checkCommunityInfo(sharingProfile: Node | undefined, update: boolean, problems: GalleryProblem[]): void {
  const permissionsNode = property(sharingProfile, 'permissions');
  if (stringValue(permissionsNode)?.toLowerCase() !== 'community' || !permissionsNode) {
    return;
  }
  const infoNode = property(sharingProfile, 'communityGalleryInfo');
  if ((infoNode && infoNode.type !== 'object') || (!infoNode && update)) {
    return; // an ARM expression, or a PATCH keeping what the gallery has
  }
  // A member that is an expression (or not a string: the schema says so) is there; its value is known only at deployment.
  const present: Partial<Record<CommunityInfoField, string>> = {};
  const known: Partial<Record<CommunityInfoField, string>> = {};
  const nodes: Partial<Record<CommunityInfoField, Node>> = {};
  for (const field of COMMUNITY_INFO_FIELDS) {
    const node = property(infoNode, field);
    const value = stringValue(node);
    if (node && (value === undefined || value.trim() !== '')) {
      nodes[field] = node;
      present[field] = value ?? '?';
      if (value !== undefined && !isArmExpression(value)) {
        known[field] = value;
      }
    }
  }
  const missing = communityInfoProblems(present, 'required').map((p) => p.field);
  if (missing.length > 0) {
    problems.push({
      ...at(infoNode ?? permissionsNode),
      severity: 'error',
      code: 'communityInfoMissing',
      message: l10n.t(
        'A community gallery needs communityGalleryInfo.{0}: Azure refuses to enable community sharing without publisherUri, publisherContact, eula and publicNamePrefix.',
        missing.join(', communityGalleryInfo.'),
      ),
    });
  }
  for (const problem of communityInfoProblems(known, 'format')) {
    const node = nodes[problem.field];
    if (!node) {
      continue;
    }
    problems.push({ ...at(node), severity: 'warning', code: 'communityInfoFormat', message: communityFormatMessage(problem.field, problem.reason) });
  }
}

function communityFormatMessage(field: CommunityInfoField, reason: CommunityInfoReason): string {
  switch (reason) {
    case 'notEmail':
      return l10n.t('{0} is shown to every Azure user as the publisher\'s support address: use an e-mail address such as images@contoso.com.', field);
    case 'prefixCharacters':
    case 'prefixLength':
      return l10n.t('publicNamePrefix has {0} to {1} letters or digits; Azure adds "-" and a GUID to make the public name.', PUBLIC_NAME_PREFIX_MIN, PUBLIC_NAME_PREFIX_MAX);
    default:
      return l10n.t('{0} is shown to every Azure user as a link: use an https:// address.', field);
  }
}

function checkStorageAccountChoice(publishing: Node | undefined, problems: GalleryProblem[]): void {
  const type = property(publishing, 'storageAccountType');
  const strategy = property(publishing, 'storageAccountStrategy');
  if (type && strategy) {
    const key = publishing?.children?.find((member) => member.children?.[1] === strategy)?.children?.[0];
    problems.push({
      ...at(key ?? strategy),
      severity: 'error',
      code: 'storageAccountTypeAndStrategy',
      message: l10n.t('storageAccountStrategy cannot be set together with storageAccountType in the publishing profile; keep one (a target region can still set its own storageAccountType).'),
    });
  }
}

/** install / remove / update and the file names: "limited to 4096 characters" (domain/applications.ts). */
function checkApplicationTexts(publishing: Node | undefined, problems: GalleryProblem[]): void {
  const texts: ReadonlyArray<[string, string]> = [
    ['manageActions', 'install'],
    ['manageActions', 'remove'],
    ['manageActions', 'update'],
    ['settings', 'packageFileName'],
    ['settings', 'configFileName'],
  ];
  for (const [holder, key] of texts) {
    const node = property(property(publishing, holder), key);
    const value = stringValue(node);
    const refusal = value === undefined || isArmExpression(value) ? undefined : commandRefusal(value, false);
    if (node && refusal?.reason === 'tooLong') {
      problems.push({
        ...at(node),
        severity: 'error',
        code: 'applicationTextTooLong',
        message: l10n.t('publishingProfile.{0}.{1} is {2} characters long; Azure takes at most {3}.', holder, key, refusal.length, refusal.max),
      });
    }
  }
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function numberOf(node: Node | undefined): number | undefined {
  if (node?.type === 'number' && typeof node.value === 'number') {
    return node.value;
  }
  const text = stringValue(node);
  return text !== undefined && /^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined;
}

function at(node: Node): { offset: number; length: number } {
  return { offset: node.offset, length: node.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Unknown properties. The schemas accept unknown properties (Azure ignores many, newer API versions add some), so
// typos would go unnoticed; this walks the document along the generated schema and warns, suggesting the closest name.

function checkUnknownProperties(node: Node, schema: JSONSchema, root: JSONSchema, where: string, problems: GalleryProblem[]): void {
  if (node.type === 'object') {
    const objectSchema = alternative(schema, root, 'object');
    const known = objectSchema?.properties;
    if (!objectSchema || !known || Object.keys(known).length === 0) {
      const additional = objectSchema?.additionalProperties;
      if (additional && typeof additional === 'object') {
        for (const member of node.children ?? []) {
          const value = member.children?.[1];
          if (value) {
            checkUnknownProperties(value, additional, root, where, problems);
          }
        }
      }
      return;
    }
    for (const member of node.children ?? []) {
      const [keyNode, value] = member.children ?? [];
      const key = typeof keyNode?.value === 'string' ? keyNode.value : undefined;
      if (!keyNode || key === undefined) {
        continue;
      }
      const propertySchema = known[key];
      if (propertySchema !== undefined) {
        if (value && typeof propertySchema === 'object') {
          checkUnknownProperties(value, propertySchema, root, `"${key}"`, problems);
        }
        continue;
      }
      const additional = objectSchema.additionalProperties;
      if (additional !== undefined && additional !== false) {
        if (value && typeof additional === 'object') {
          checkUnknownProperties(value, additional, root, `"${key}"`, problems);
        }
        continue;
      }
      problems.push({ ...at(keyNode), severity: 'warning', code: 'unknownProperty', message: unknownPropertyMessage(key, Object.keys(known), where) });
    }
  } else if (node.type === 'array') {
    const items = alternative(schema, root, 'array')?.items;
    if (items && typeof items === 'object' && !Array.isArray(items)) {
      for (const item of node.children ?? []) {
        checkUnknownProperties(item, items, root, l10n.t('an item of {0}', where), problems);
      }
    }
  }
}

function unknownPropertyMessage(key: string, known: readonly string[], where: string): string {
  const sameIgnoringCase = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
  if (sameIgnoringCase) {
    return l10n.t('Property "{0}" is spelled "{1}" in the API. Azure matches names without case, but other checks (required properties, completions) expect "{2}".', key, sameIgnoringCase, sameIgnoringCase);
  }
  const closest = known
    .map((candidate) => ({ candidate, distance: editDistance(key.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ distance, candidate }) => distance <= Math.max(1, Math.floor(candidate.length / 4)))
    .sort((a, b) => a.distance - b.distance)[0];
  return closest
    ? l10n.t('Unknown property "{0}" in {1}. Did you mean "{2}"? Azure ignores properties it does not know.', key, where, closest.candidate)
    : l10n.t('Unknown property "{0}" in {1}. Azure ignores properties it does not know.', key, where);
}

/** alternative() per schema object and type (null: none); the schemas are immutable and the walk runs on every keystroke. */
const alternatives = new WeakMap<JSONSchema, { object?: JSONSchema | null; array?: JSONSchema | null }>();

/** The alternative of a schema that describes objects / arrays, following local $refs and anyOf/oneOf/allOf. */
function alternative(schema: JSONSchemaRef, root: JSONSchema, type: 'object' | 'array'): JSONSchema | undefined {
  if (typeof schema !== 'object') {
    return undefined;
  }
  let known = alternatives.get(schema);
  if (!known) {
    known = {};
    alternatives.set(schema, known);
  }
  let found = known[type];
  if (found === undefined) {
    found = findAlternative(schema, root, type, 0) ?? null;
    known[type] = found;
  }
  return found ?? undefined;
}

function findAlternative(schema: JSONSchemaRef, root: JSONSchema, type: 'object' | 'array', depth: number): JSONSchema | undefined {
  if (typeof schema !== 'object' || depth > 8) {
    return undefined;
  }
  if (schema.$ref) {
    const target = resolveLocalRef(schema.$ref, root);
    return target ? findAlternative(target, root, type, depth + 1) : undefined;
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes(type) && (type === 'object' ? schema.properties || schema.additionalProperties !== undefined || !schema.anyOf : schema.items)) {
    return schema;
  }
  for (const candidate of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const found = findAlternative(candidate, root, type, depth + 1);
    if (found) {
      return found;
    }
  }
  return types.includes(type) ? schema : undefined;
}

function resolveLocalRef(ref: string, root: JSONSchema): JSONSchema | undefined {
  const match = /^#\/definitions\/(.+)$/.exec(ref);
  return match?.[1] ? root.definitions?.[match[1]] : undefined;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const left = previous[j - 1] ?? 0;
      previous[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}
