/**
 * End-of-life dates of image definitions and versions. Azure refuses to create or update one whose end-of-life date
 * is not in the future ("EndOfLifeDate must be set to a future date", ARM_BEHAVIOUR.md §5); once set, the date is
 * informational and the tree warns when it has passed or is near. "Today" as a day means midnight UTC of today,
 * which is already past: Azure refuses it, the form refuses it, galleryChecks warns, the tree shows it as passed.
 * Pure, no `vscode`.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds of an end-of-life date (a day "YYYY-MM-DD" is midnight UTC), or undefined when it is not a date. */
export function endOfLifeTime(value: Date | string): number | undefined {
  const time = value instanceof Date ? value.getTime() : Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? undefined : time;
}

/** Has the end-of-life date passed at `now`? A date equal to now has passed (it is not in the future). */
export function isPastEndOfLife(value: Date | string, now: number): boolean {
  const time = endOfLifeTime(value);
  return time !== undefined && time <= now;
}

export type EndOfLifeRefusal = 'notADate' | 'notInTheFuture';

/** Why Azure would refuse `value` as the end-of-life date of a resource created or updated at `now`. */
export function endOfLifeRefusal(value: Date | string, now: number): EndOfLifeRefusal | undefined {
  const time = endOfLifeTime(value);
  if (time === undefined) {
    return 'notADate';
  }
  return time <= now ? 'notInTheFuture' : undefined;
}

export type EndOfLifeStatus = { readonly kind: 'passed' | 'soon'; readonly date: Date; readonly days: number } | undefined;

/** 'passed' when the date is not in the future, 'soon' within `warnDays` days, else undefined. */
export function endOfLifeStatus(date: Date | string | undefined, now: Date = new Date(), warnDays = 30): EndOfLifeStatus {
  if (date === undefined) {
    return undefined;
  }
  const time = endOfLifeTime(date);
  if (time === undefined) {
    return undefined;
  }
  const d = new Date(time);
  const days = Math.ceil((time - now.getTime()) / DAY_MS);
  if (time <= now.getTime()) {
    return { kind: 'passed', date: d, days };
  }
  return days <= warnDays ? { kind: 'soon', date: d, days } : undefined;
}
