/**
 * Date handling shared by the statistics. Documents carry ISO dates ("2024-01-28" or a full timestamp); events
 * are about calendar days as the outlet printed them, so the day is the date part as written (no time-zone
 * shift: an article stamped 23:30+03:00 belongs to that local day).
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of the date part, or null when the date is missing or not ISO. */
export function dayNumber(date: string | undefined): number | null {
  if (!date) return null;
  const match = ISO_DAY.exec(date.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Reject impossible days such as 2024-02-31 instead of silently rolling them over into March.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** The ISO day (YYYY-MM-DD) of a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Milliseconds since the epoch, to order documents within one day when they carry full timestamps (a plain day
 * counts as its midnight UTC); null when missing or unparseable.
 */
export function timestampOf(date: string | undefined): number | null {
  if (!date) return null;
  const ms = Date.parse(date.trim());
  return Number.isNaN(ms) ? null : ms;
}
