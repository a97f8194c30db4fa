/**
 * A post's date as Jekyll reads it for its URL: the front matter's `date` when there is one,
 * else the file name's. Jekyll passes the value's text to Ruby's `Time.parse` and takes the
 * result in local time (Utils.parse_date), so a date YAML leaves as text (`date: 2012-05-30
 * 21:21`, the Octopress form, has no seconds) still moves the post. Dates are wall-clock `Date`s:
 * their UTC fields are the ones the URL uses. Local time is the site's `timezone:` (Jekyll sets
 * TZ from it), else UTC, as GitHub Pages builds: a time that names its zone (a YAML timestamp,
 * text with an offset) is moved to it, one that does not is taken as written.
 */

/** The front matter's `date` when Jekyll would read one from it, else the file name's; `timezone`: the site's. */
export function postDate(fileDate: Date, value: unknown, timezone?: string): Date {
  // A YAML date (no time) is that day, wherever the build runs; a YAML timestamp is an instant (no zone: UTC, as Psych reads it).
  if (value instanceof Date) return isMidnightUtc(value) ? value : inTimezone(value, timezone);
  if (typeof value !== 'string' && typeof value !== 'number') return fileDate;
  const parsed = readRubyTime(String(value));
  if (!parsed) return fileDate;
  return parsed.zoned ? inTimezone(parsed.date, timezone) : parsed.date;
}

const isMidnightUtc = (date: Date): boolean => date.getTime() % 86_400_000 === 0;

const wallClocks = new Map<string, Intl.DateTimeFormat | undefined>();

/** The instant's wall clock in the time zone (as UTC fields); a zone Ruby does not know is UTC, as it is to Ruby. */
function inTimezone(instant: Date, timezone: string | undefined): Date {
  if (timezone === undefined) return instant;
  if (!wallClocks.has(timezone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      format = undefined;
    }
    wallClocks.set(timezone, format);
  }
  const format = wallClocks.get(timezone);
  if (!format) return instant;
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!));
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The zone names Ruby's Date._parse knows that a US or UTC site writes; others are read as no zone, as Ruby does with names it does not know. */
const zoneHours: Readonly<Record<string, number>> = { z: 0, utc: 0, gmt: 0, ut: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };

const monthName = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const time = '(?:[T\\s]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*([ap]\\.?m\\.?)?)?';
const zone = '\\s*([a-z]{1,4}|[+-]\\d{2}:?\\d{2})?';
const numeric = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})${time}${zone}$`, 'i');
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const weekday = '(?:[a-z]{3,9}\\.?,?\\s+)?';
const monthFirst = new RegExp(`^${weekday}${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${time}${zone}$`, 'i');
const dayFirst = new RegExp(`^${weekday}(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName},?\\s+(\\d{4})${time}${zone}$`, 'i');

/**
 * Ruby's `Time.parse(text)` for the forms front matter dates take (ISO and `yyyy/mm/dd` dates,
 * `May 30, 2012`, `30 May 2012`, RFC 2822, each with an optional time, am/pm and zone), as a
 * wall-clock date in UTC; undefined for text it does not read (Jekyll stops on text Ruby cannot
 * read either). A day past the month's end rolls over, as Ruby's does.
 */
export function parseRubyTime(text: string): Date | undefined {
  return readRubyTime(text)?.date;
}

/**
 * Whether Ruby's `Time.parse` certainly raises on the text (Jekyll then stops the build: a
 * document "does not have a valid date"): nothing it reads as a date or time in it (no digit, no
 * month name: empty, `TBD`, `YYYY-MM-DD`), or a `yyyy-mm-dd` date or its time out of range.
 * Other text it may read, or fail on, in ways not modelled here: not reported.
 */
export function failsRubyTimeParse(text: string): boolean {
  const value = text.trim();
  if (!/\d/.test(value)) return !monthWord.test(value);
  const match = numeric.exec(value);
  if (!match) return false;
  const [month, day, hour, minute, second] = match.slice(2, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  return month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60;
}

/** A word Date._parse takes for a month: one that starts with a month's abbreviation (`Maybe` is May to it). */
const monthWord = new RegExp(`\\b(?:${months.join('|')})`, 'i');

/** parseRubyTime's date, and whether the text names its zone. */
function readRubyTime(text: string): { date: Date; zoned: boolean } | undefined {
  const value = text.trim();
  let parts: { year: string; month: number; day: string; rest: (string | undefined)[] } | undefined;
  let match: RegExpExecArray | null;
  if ((match = numeric.exec(value))) parts = { year: match[1]!, month: Number(match[2]), day: match[3]!, rest: match.slice(4) };
  else if ((match = compact.exec(value))) parts = { year: match[1]!, month: Number(match[2]), day: match[3]!, rest: [] };
  else if ((match = monthFirst.exec(value))) parts = { year: match[3]!, month: months.indexOf(match[1]!.toLowerCase()) + 1, day: match[2]!, rest: match.slice(4) };
  else if ((match = dayFirst.exec(value))) parts = { year: match[3]!, month: months.indexOf(match[2]!.toLowerCase()) + 1, day: match[1]!, rest: match.slice(4) };
  if (!parts) return undefined;
  const [hourText, minuteText, secondText, meridian, zoneText] = parts.rest;
  let hour = Number(hourText ?? 0);
  const [minute, second] = [Number(minuteText ?? 0), Number(secondText ?? 0)];
  if (meridian) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (/^p/i.test(meridian) ? 12 : 0);
  }
  const month = parts.month;
  const day = Number(parts.day);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const offsetMinutes = zoneOffset(zoneText);
  return { date: new Date(Date.UTC(Number(parts.year), month - 1, day, hour, minute - offsetMinutes, Math.min(second, 59))), zoned: zoneText !== undefined && (/^[+-]/.test(zoneText) || Object.hasOwn(zoneHours, zoneText.toLowerCase())) };
}

/** Minutes east of UTC; 0 for no zone or one Ruby would not know (read as local time, which is UTC here). */
function zoneOffset(text: string | undefined): number {
  if (!text) return 0;
  const numericZone = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (numericZone) return (numericZone[1] === '-' ? -1 : 1) * (Number(numericZone[2]) * 60 + Number(numericZone[3]));
  return (zoneHours[text.toLowerCase()] ?? 0) * 60;
}
