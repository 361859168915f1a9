/**
 * How long ago something happened, in the words a row shows ("published 3 months ago", "deleted 2 days ago").
 * The tree, the delete confirmations and clean-up's preview can all use it. Its only use of `vscode` is `l10n.t`
 * (`@vscode/l10n` may not be in the start-up bundle, see esbuild.mjs), so it runs in unit tests over the fake API.
 */
import * as vscode from 'vscode';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** An average month (365.25 / 12 days): "3 months" is a rough age, not a calendar difference. */
const MONTH = 30.4375 * DAY;
const YEAR = 365.25 * DAY;

/** The time of a date from Azure, or undefined when it is missing or unreadable. */
export function timeOf(value: Date | string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * "just now", "5 minutes ago", "1 hour ago", "2 days ago", "3 months ago", "1 year ago"; a time slightly ahead of
 * `now` (clocks differ) reads "just now". Undefined when the date is missing or unreadable.
 */
export function timeAgo(value: Date | string | undefined, now: number): string | undefined {
  const time = timeOf(value);
  if (time === undefined) {
    return undefined;
  }
  const elapsed = now - time;
  if (elapsed < MINUTE) {
    return elapsed < -MINUTE ? vscode.l10n.t('in the future ({0})', new Date(time).toISOString().slice(0, 10)) : vscode.l10n.t('just now');
  }
  if (elapsed < HOUR) {
    const n = Math.floor(elapsed / MINUTE);
    return n === 1 ? vscode.l10n.t('1 minute ago') : vscode.l10n.t('{0} minutes ago', n);
  }
  if (elapsed < DAY) {
    const n = Math.floor(elapsed / HOUR);
    return n === 1 ? vscode.l10n.t('1 hour ago') : vscode.l10n.t('{0} hours ago', n);
  }
  if (elapsed < MONTH) {
    const n = Math.floor(elapsed / DAY);
    return n === 1 ? vscode.l10n.t('1 day ago') : vscode.l10n.t('{0} days ago', n);
  }
  if (elapsed < YEAR) {
    const n = Math.floor(elapsed / MONTH);
    return n === 1 ? vscode.l10n.t('1 month ago') : vscode.l10n.t('{0} months ago', n);
  }
  const n = Math.floor(elapsed / YEAR);
  return n === 1 ? vscode.l10n.t('1 year ago') : vscode.l10n.t('{0} years ago', n);
}

/** "2026-12-04 17:30 UTC": a time to the minute, in UTC so that every reader sees the same text. */
export function formatUtcMinute(value: Date | string | undefined): string | undefined {
  const time = timeOf(value);
  return time === undefined ? undefined : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
