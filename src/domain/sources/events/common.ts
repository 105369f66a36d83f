import { fmtCountOf } from '../../highlights/format';
import { dayKeyOf, zonedMidnight } from '../../time/months';
import type { ImportIssue, RecordBatch } from '../../model/records';
import type { AdapterContext, ImportNeeds } from '../types';
import { fileStem } from '../read';

/**
 * The event's identity from a file name: `<Event Name> - Guests - <date>.csv` (Luma) → `Event Name`;
 * other names → the file's stem. Event keys, channels and Meetup attend keys are made from it, so it
 * must not change (a new name would split an event already imported in two); what is shown is
 * `eventTitleFromFile`.
 */
export function eventNameFromFile(fileName: string): string {
  const base = fileStem(fileName);
  const luma = /^(.*?)\s+-\s+Guests(?:\s+-\s+.*)?$/i.exec(unsanitised(base));
  const name = (luma ? luma[1]! : base).trim();
  return name || 'event';
}

/**
 * A download name whose spaces a browser or sync client turned into underscores around the ` - `
 * separators (`AI_Meetup_-_Guests_-_2026-05-18-14-30-15.csv`, `AI Night_- Guests -_2026-…`): with its
 * underscores read as spaces, so that it names the same event as the unsanitised download. Names
 * without such a separator are returned as they are (an underscore may belong to the name).
 */
function unsanitised(base: string): string {
  return /_-[_\s]|[_\s]-_/.test(base) ? base.replace(/_/g, ' ').replace(/\s+/g, ' ').trim() : base;
}

/**
 * What an export tool appends to the event's name in the file name: ` - Guests - 2025-10-18` (Luma),
 * ` - Attendees` (Eventbrite, saved by hand), ` - RSVPs`, ` - attendee list`… with anything after it.
 */
const EXPORT_SUFFIX =
  /^(.*?\S)\s+[-–—]\s+(?:guests|attendees|attendee (?:list|report|summary(?: report)?)|rsvps|registrations|registrants|check-?ins)(?:\s+[-–—]\s+.*)?$/i;

/**
 * The event's name as shown (the attend's title) from a file name: as the file spells it (case
 * kept), without the export suffix — `Loomcraft Summer Weave-along - Attendees.csv` → `Loomcraft
 * Summer Weave-along`. A file named only for the export (`Attendee Summary Report.csv`) keeps its name.
 */
export function eventTitleFromFile(fileName: string): string {
  const base = unsanitised(fileStem(fileName)).replace(/\s+/g, ' ');
  const m = EXPORT_SUFFIX.exec(base);
  return (m ? m[1]! : base).trim() || 'event';
}

export function eventKey(source: string, name: string): string {
  return `${source}:event:${name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/**
 * The session of a recurring event: the UTC day it was held (`2025-03-08`). Files that name one
 * event by its name only (Luma, Meetup) key their attendances and channel by name and session, so
 * that "Weekly Jam" on two days is two events and a member at both has two attendances — while a
 * re-export of the same session keys the same (its check-ins and its date do not change). UTC, not
 * the import zone: keys must not depend on a setting.
 */
export function sessionDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * The day of `at` in the import zone, as that day's midnight: the date an attendance gets from the
 * file's latest order/RSVP/registration. That is a day, guessed, not the time anyone attended: a
 * date-only value is midnight of its day (spec/metrics.md §1), shown as the date alone, like an event
 * date entered in the review (the same day, so the same months and weeks in that zone; keys and
 * sessions are made from the file's own latest date, not from this).
 */
export function dayOf(at: number, timeZone: string): number {
  return zonedMidnight(dayKeyOf(at, timeZone), timeZone);
}

/** An event key or attendance key within one session (`sessionDay`). */
export function inSession(key: string, session: string): string {
  return `${key}#${session}`;
}

export interface PendingAttend {
  activityKey: string;
  personKey: string;
  person: { name?: string; email?: string; handle?: string };
}

/**
 * Attendance lists that carry no event date (Eventbrite, Meetup attendees, Luma guests who joined
 * online): check-ins are held until the end of the file, then dated at `ctx.eventDate`, or — when the
 * user gave none — at the day (`dayOf`) of the latest order/RSVP/registration date in the file, with a
 * warning saying so.
 */
export class UndatedAttendance {
  private readonly pending: PendingAttend[] = [];
  private latest: number | null = null;

  constructor(
    private readonly source: string,
    private readonly channel: string,
    private readonly dateColumn: string,
    /** The event's name as shown, set as each attend's title. */
    private readonly title: string,
  ) {}

  seenDate(t: number | null): void {
    if (t !== null && (this.latest === null || t > this.latest)) this.latest = t;
  }

  add(a: PendingAttend): void {
    this.pending.push(a);
  }

  /** How many attendances are held. */
  get size(): number {
    return this.pending.length;
  }

  /** The latest date seen (`seenDate`), or null. */
  get latestSeen(): number | null {
    return this.latest;
  }

  /**
   * The event-date question, while any attendance waits for a date: suggesting the date entered,
   * else the one `finish` uses without it (the latest date seen), else none.
   */
  needs(ctx: AdapterContext): ImportNeeds | undefined {
    if (this.pending.length === 0) return undefined;
    return { eventDate: { suggested: ctx.eventDate ?? this.latest } };
  }

  /** `sessions`: key the attendances by the session dated (`emit`), for files named by the event only. */
  finish(ctx: AdapterContext, out: RecordBatch, issues: ImportIssue[], sessions = false): void {
    if (this.pending.length === 0) return;
    let at = ctx.eventDate;
    if (at === undefined) {
      if (this.latest === null) {
        issues.push({
          file: ctx.fileName,
          severity: 'error',
          message: `The file carries no event date and has no ${this.dateColumn} to guess one from: ${fmtCountOf(this.pending.length, 'attendance')} not imported. Enter the event date to import them.`,
        });
        return;
      }
      at = dayOf(this.latest, ctx.timeZone);
      issues.push({
        file: ctx.fileName,
        column: this.dateColumn,
        severity: 'warning',
        message: `The file carries no event date: attendances are dated ${dayKeyOf(at, ctx.timeZone)}, the latest ${this.dateColumn} in the file. Enter the event date if that is wrong.`,
      });
    }
    this.emit(at, out, sessions ? this.session(ctx, at) : undefined);
  }

  /**
   * The session these attendances belong to, from the file's own data where it has some: the day of
   * its latest date (as the file writes it), else the day of the date used (the one entered). So a
   * file imported again with a corrected event date keys the same (nothing is counted twice; undo
   * the first import to re-date it), while another session's file — other RSVPs — keys apart.
   */
  session(ctx: AdapterContext, at: number): string {
    return dayKeyOf(this.latest ?? at, ctx.timeZone);
  }

  /**
   * Writes the held attendances (and their persons) dated `at`; with a `session` (`sessionDay`),
   * their keys and channel are those of that session of the event.
   */
  emit(at: number, out: RecordBatch, session?: string): void {
    const seen = new Set<string>();
    const channel = session ? inSession(this.channel, session) : this.channel;
    for (const p of this.pending) {
      if (!seen.has(p.personKey)) {
        seen.add(p.personKey);
        out.persons.push({ key: p.personKey, source: this.source, ...p.person, roster: false, bot: false });
      }
      out.activities.push({
        key: session ? inSession(p.activityKey, session) : p.activityKey,
        source: this.source,
        personKey: p.personKey,
        kind: 'attend',
        at,
        channel,
        title: this.title,
      });
    }
  }
}
