/**
 * The words of every delete confirmation and refusal for image versions (issue 11): whether a deleted version can
 * be restored, what `latest` resolves to afterwards, why a version cannot be deleted yet, and that Azure keeps a
 * definition or gallery while it holds soft-deleted versions (until when). The single delete command, its cascade,
 * Delete on a multi-selection and Clean Up Versions all show these sentences (the plural and per-definition forms are
 * here too), so the same versions get the same facts in every confirmation (test: cleanupCommands.test.ts). No state,
 * no UI: its only use of `vscode` is `l10n.t` (`@vscode/l10n` may not be in the start-up bundle, see esbuild.mjs).
 *
 * The rules come from `src/domain/deletionSafety.ts` (blocked before end of life, 7 days of soft delete, purge time)
 * and `src/domain/latest.ts` (`resolveLatest`, through `latestAfterDeletion`); this module only words them.
 */
import * as vscode from 'vscode';
import { SOFT_DELETE_RETENTION_DAYS } from '../domain/deletionSafety';
import type { DeletionBlock } from '../domain/deletionSafety';
import { resolveLatest } from '../tree/versionOrdering';
import type { VersionLike } from '../tree/versionOrdering';

/** A version that cannot be deleted now, and why. */
export type Block = NonNullable<DeletionBlock>;

/** A modal's main line and its detail. */
export interface ModalText {
  readonly message: string;
  readonly detail: string;
}

/** What a deletion does to `latest`: the version it resolves to now, and the one it resolves to afterwards (if any). */
export interface LatestChange {
  readonly current: string;
  readonly next: string | undefined;
}

/** "2027-01-01" (UTC): a date as every reader sees it. */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * How deleting the versions `deleting` selects (from `versions`, every version of one image definition) moves
 * `latest`; undefined when the version `latest` resolves to is not among them (then `latest` does not move).
 */
export function latestAfterDeletion<T extends VersionLike>(versions: readonly T[], deleting: (version: T) => boolean): LatestChange | undefined {
  const current = resolveLatest(versions);
  if (current?.name === undefined || !deleting(current)) {
    return undefined;
  }
  const next = resolveLatest(versions.filter((v) => !deleting(v)));
  return { current: current.name, next: next?.name };
}

/** Why a version cannot be deleted yet, as a clause: "deletion is blocked until its end of life (2027-01-01)". */
export function blockReason(block: Block): string {
  return block.reason === 'beforeEndOfLife'
    ? vscode.l10n.t('its safety profile blocks deletion until its end of life ({0})', day(block.until))
    : vscode.l10n.t('its safety profile blocks deletion before end of life and it has no end-of-life date, so it stays blocked until the block is turned off');
}

/** Until when, in a few words (for a list of blocked versions): "until 2027-01-01" / "until the block is turned off". */
export function blockedUntil(block: Block): string {
  return block.reason === 'beforeEndOfLife' ? vscode.l10n.t('until {0}', day(block.until)) : vscode.l10n.t('no end-of-life date: until the block is turned off');
}

/** Delete on a blocked version: why and until when; nothing is sent. */
export function blockedVersionRefusal(name: string, block: Block): ModalText {
  return {
    message: vscode.l10n.t('Image version "{0}" can\'t be deleted yet: {1}.', name, blockReason(block)),
    detail:
      block.reason === 'beforeEndOfLife'
        ? vscode.l10n.t('Azure refuses to delete it before {0}. Nothing was sent to Azure.', day(block.until))
        : vscode.l10n.t('To delete it, first edit the version and turn off "Block deletion before end of life" (or give it an end-of-life date). Nothing was sent to Azure.'),
  };
}

/** Whether what is deleted can come back: one sentence for a confirmation. */
export function restoreSentence(softDelete: boolean, count = 1): string {
  if (softDelete) {
    return count === 1
      ? vscode.l10n.t('Soft delete is on in this gallery: the version can be restored for {0} days from "Recently deleted" under its image definition, then it is purged.', SOFT_DELETE_RETENTION_DAYS)
      : vscode.l10n.t('Soft delete is on in this gallery: the versions can be restored for {0} days from "Recently deleted" under their image definitions, then they are purged.', SOFT_DELETE_RETENTION_DAYS);
  }
  return count === 1
    ? vscode.l10n.t('Soft delete is off in this gallery: the deletion is permanent and the version cannot be restored.')
    : vscode.l10n.t('Soft delete is off in this gallery: the deletion is permanent and the versions cannot be restored.');
}

/**
 * What happens to `latest`: names the version that becomes `latest`, or says that none will. With `definition`
 * (bulk deletion, which may span several image definitions) the sentence names the image definition.
 */
export function latestSentence(change: LatestChange, definition?: string): string {
  if (definition !== undefined) {
    return change.next !== undefined
      ? vscode.l10n.t('In {0}, version {1} is the one "latest" resolves to: afterwards "latest" resolves to {2}.', definition, change.current, change.next)
      : vscode.l10n.t('In {0}, version {1} is the one "latest" resolves to, and no other version can take its place: afterwards no version is "latest", and deployments that ask for the latest version fail.', definition, change.current);
  }
  return change.next !== undefined
    ? vscode.l10n.t('Version {0} is the one "latest" resolves to: afterwards "latest" resolves to {1}.', change.current, change.next)
    : vscode.l10n.t('Version {0} is the one "latest" resolves to, and no other version can take its place: afterwards no version is "latest", and deployments that ask for the latest version fail.', change.current);
}

/** Bulk deletion that leaves `latest` where it is (clean-up never deletes `latest`): says which version it stays. */
export function latestStaysSentence(definition: string, current: string | undefined): string {
  return current !== undefined
    ? vscode.l10n.t('In {0}, "latest" stays {1}.', definition, current)
    : vscode.l10n.t('In {0}, no version is "latest" before or after.', definition);
}

/** What one deleted item becomes, in a list of several: "restorable for 7 days (soft delete)" / "permanent (…)". */
export function restorableNote(restorable: boolean): string {
  return restorable
    ? vscode.l10n.t('restorable for {0} days from "Recently deleted" (soft delete)', SOFT_DELETE_RETENTION_DAYS)
    : vscode.l10n.t('permanent (soft delete is off)');
}

/** Why a version is kept (clean-up preview) or refused (bulk delete): "deletion blocked by its safety profile (until 2027-01-01)". */
export function blockedNote(block: Block): string {
  return vscode.l10n.t('deletion blocked by its safety profile ({0})', blockedUntil(block));
}

/**
 * Versions of a bulk deletion that Azure would refuse (blocked before their end of life): listed, never sent.
 * `nothingElse`: every selected item is refused, so nothing is deleted at all.
 */
export function blockedVersionsRefusal(blocked: readonly BlockedVersion[], nothingElse: boolean): string {
  return nothingElse
    ? vscode.l10n.t('Nothing was deleted: Azure refuses to delete these image versions before their end of life: {0}. Nothing was sent to Azure.', listBlocked(blocked))
    : vscode.l10n.t('Not sent, because Azure refuses to delete them before their end of life: {0}.', listBlocked(blocked));
}

/** A gallery or definition Azure keeps while it holds soft-deleted versions: "holds deleted versions until 2026-12-13". */
export function keptNote(until: Date): string {
  return vscode.l10n.t('kept (holds deleted versions until {0})', day(until));
}

export interface VersionDeleteFacts {
  /** "gallery/definition/1.2.0" */
  readonly name: string;
  readonly softDelete: boolean;
  /** undefined when `latest` does not move. */
  readonly latest: LatestChange | undefined;
}

/** The modal confirmation of deleting one image version. */
export function versionDeleteConfirmation(facts: VersionDeleteFacts): ModalText {
  const lines = [restoreSentence(facts.softDelete)];
  if (facts.latest) {
    lines.push(latestSentence(facts.latest));
  }
  return { message: vscode.l10n.t('Delete image version "{0}"?', facts.name), detail: lines.join('\n\n') };
}

export interface BlockedVersion {
  /** "gallery/definition/1.2.0" */
  readonly name: string;
  readonly block: Block;
}

/** "1.2.0 (until 2027-01-01); 1.3.0 (until the block is turned off …)" */
export function listBlocked(blocked: readonly BlockedVersion[]): string {
  return blocked.map((b) => `${b.name} (${blockedUntil(b.block)})`).join('; ');
}

/** A cascade (delete a definition or gallery with everything in it) refused before anything is sent. */
export function blockedCascadeRefusal(what: string, name: string, blocked: readonly BlockedVersion[]): ModalText {
  return {
    message:
      blocked.length === 1
        ? vscode.l10n.t('The {0} "{1}" can\'t be deleted: 1 image version in it is protected from deletion before its end of life.', what, name)
        : vscode.l10n.t('The {0} "{1}" can\'t be deleted: {2} image versions in it are protected from deletion before their end of life.', what, name, blocked.length),
    detail: vscode.l10n.t('Protected: {0}. Nothing was sent to Azure.', listBlocked(blocked)),
  };
}

/**
 * The soft-delete part of a cascade confirmation: the versions become restorable, and ARM keeps the definition or
 * gallery while it holds soft-deleted versions.
 */
export function cascadeSoftDeleteSentence(what: string): string {
  return vscode.l10n.t(
    'Soft delete is on in this gallery: the versions can be restored for {0} days from "Recently deleted". Azure does not delete an image definition or gallery while it holds soft-deleted versions, so the {1} stays until they are purged ({0} days); delete it again then.',
    SOFT_DELETE_RETENTION_DAYS,
    what,
  );
}

/**
 * What a cascade's outcome adds when soft delete is on: the deleted versions can be restored, and the definitions or
 * gallery that hold them were kept (not asked: Azure refuses to delete them while they hold soft-deleted versions).
 */
export function softDeleteOutcome(outcome: { readonly restorable: number; readonly retained: readonly string[]; readonly retainedUntil?: Date }): string {
  const parts: string[] = [];
  if (outcome.restorable > 0) {
    parts.push(
      outcome.restorable === 1
        ? vscode.l10n.t('The deleted version can be restored for {0} days from "Recently deleted".', SOFT_DELETE_RETENTION_DAYS)
        : vscode.l10n.t('The {0} deleted versions can be restored for {1} days from "Recently deleted".', outcome.restorable, SOFT_DELETE_RETENTION_DAYS),
    );
  }
  if (outcome.retained.length > 0 && outcome.retainedUntil) {
    parts.push(
      vscode.l10n.t(
        '{0}: {1}. Azure does not delete an image definition or gallery while it holds soft-deleted versions; delete again after that date.',
        outcome.retained.join(', '),
        keptNote(outcome.retainedUntil),
      ),
    );
  } else if (outcome.retained.length > 0) {
    parts.push(
      vscode.l10n.t(
        'Kept, because Azure does not delete an image definition or gallery while it holds soft-deleted versions: {0}. Delete again after the versions are purged ({1} days after their deletion).',
        outcome.retained.join(', '),
        SOFT_DELETE_RETENTION_DAYS,
      ),
    );
  }
  return parts.join(' ');
}
