// Load a procedure catalogue from JSON, validate it, and compute due dates (ngày hẹn trả kết quả).
// Run: see README.md beside this file.
import { readFileSync } from 'node:fs';
import { createCalendar } from 'motcua/calendar';
import { dueDateFor } from 'motcua/procedure';
import type { Channel } from 'motcua/procedure';
import { parseCatalog } from 'motcua/schema';

/** One row of the table: a procedure, a channel, its limit and the due date for one receipt instant. */
export interface DueDateRow {
  code: string;
  name: string;
  channel: Channel;
  limit: string;
  countFrom: string;
  dueDate: string;
  dueAt: string;
}

/** Parse a catalogue from JSON text and compute, for every procedure and channel, the due date of a dossier received at `receivedAt`. */
export function dueDateTable(json: string, receivedAt: string): DueDateRow[] {
  const parsed = parseCatalog(JSON.parse(json));
  if (!parsed.ok) {
    // every problem at once, with its path and the Vietnamese label
    throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  }
  // a province may add its own days off; here the civil-servant calendar as published
  const calendar = createCalendar();
  return parsed.value.procedures.flatMap((p) =>
    p.channels.map((c) => {
      const r = dueDateFor(p, c.channel, receivedAt, calendar);
      return {
        code: p.code,
        name: p.name,
        channel: c.channel,
        limit: c.limit.unit === 'same-day' ? 'same day' : `${c.limit.amount} ${c.limit.unit}`,
        countFrom: r.countFrom,
        dueDate: r.dueDate,
        dueAt: r.dueAt,
      };
    }),
  );
}

if (process.argv[1]?.includes('due-dates')) {
  const file = process.argv[2] ?? 'data/procedures.json'; // the sample catalogue, from the repository root
  const receivedAt = process.argv[3] ?? '2026-02-13T15:30+07:00'; // Friday before Tết 2026, after the 15:00 cut-off
  const rows = dueDateTable(readFileSync(file, 'utf8'), receivedAt);
  console.log(`received ${receivedAt}`);
  console.table(rows.filter((r) => r.channel === 'direct').map(({ code, name, limit, countFrom, dueDate }) => ({ code, name: name.slice(0, 48), limit, countFrom, dueDate })));
}
