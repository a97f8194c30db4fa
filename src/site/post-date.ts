/**
 * A post's date as Jekyll reads it for its URL: the front matter's `date` when there is one,
 * else the file name's. Jekyll passes the value's text to Ruby's `Time.parse`, so a date YAML
 * leaves as text (`date: 2012-05-30 21:21`, the Octopress form, has no seconds) still moves the
 * post. Dates are wall-clock `Date`s: their UTC fields are the ones the URL uses, as a build on a
 * machine whose time zone is UTC (GitHub Pages) gets them; a time with an offset is moved to UTC.
 */

/** The front matter's `date` when Jekyll would read one from it, else the file name's. */
export function postDate(fileDate: Date, value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return parseRubyTime(String(value)) ?? fileDate;
  return fileDate;
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
  return new Date(Date.UTC(Number(parts.year), month - 1, day, hour, minute - offsetMinutes, Math.min(second, 59)));
}

/** Minutes east of UTC; 0 for no zone or one Ruby would not know (read as local time, which is UTC here). */
function zoneOffset(text: string | undefined): number {
  if (!text) return 0;
  const numericZone = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (numericZone) return (numericZone[1] === '-' ? -1 : 1) * (Number(numericZone[2]) * 60 + Number(numericZone[3]));
  return (zoneHours[text.toLowerCase()] ?? 0) * 60;
}
