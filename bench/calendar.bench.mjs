/**
 * Calendar bench: motcua's O(1) index against what users write today.
 *
 * - date-holidays: `new Holidays('VN', { types: ['public'] })` and a day-by-day loop with Date
 *   objects skipping Saturdays, Sundays and `hd.isHoliday(d)` (public holidays only; with the
 *   default types, observances such as 3/2 would count as days off too).
 * - date-fns: `addBusinessDays(parseISO(d), n)` + `format`, `differenceInBusinessDays`:
 *   weekends only, no holidays at all (so it is fast and wrong around holidays).
 *
 * Every contender gets the same deterministic inputs (seeded PRNG): start dates 2018-2030,
 * a quarter of them drawn from the days off of the year, n in 1..30. Set-up (index build,
 * `new Holidays`) is timed apart; every result is folded into a checksum.
 */
import Holidays from 'date-holidays';
import { addBusinessDays, differenceInBusinessDays, format, isWeekend, parseISO } from 'date-fns';
import { measure, prng, retainedBytes, timeMedian } from './_lib/measure.mjs';

const N = 4096; // inputs (a power of two: index with & MASK)
const MASK = N - 1;
const SEED = 20260213;

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const civilMs = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));

function makeInputs(cal) {
  const rand = prng(SEED);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const offByYear = new Map();
  for (let y = 2018; y <= 2030; y++) offByYear.set(y, cal.daysOff(y).map((d) => d.date));
  const from = Date.UTC(2018, 0, 1);
  const span = (Date.UTC(2030, 11, 31) - from) / DAY;
  const inputs = [];
  for (let k = 0; k < N; k++) {
    let date;
    if (rand() < 0.25) {
      const list = offByYear.get(int(2018, 2030));
      date = list[int(0, list.length - 1)];
    } else {
      date = iso(from + int(0, span) * DAY);
    }
    const n = int(1, 30);
    const end = iso(civilMs(date) + int(0, 45) * DAY);
    const hh = String(int(6, 18)).padStart(2, '0');
    const mm = String(int(0, 59)).padStart(2, '0');
    inputs.push({ date, n, end, received: `${date}T${hh}:${mm}+07:00` });
  }
  return inputs;
}

// ---- date-holidays, the way users write it: Date objects, a day loop, isHoliday ----
// `new Date('YYYY-MM-DD')` is 00:00Z = 07:00 in Vietnam, the same civil day, in any host zone.
function dhWorking(hd, d) {
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !hd.isHoliday(d);
}
function dhAddWorkingDays(hd, date, n) {
  const d = new Date(date);
  while (n > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (dhWorking(hd, d)) n--;
  }
  return d.toISOString().slice(0, 10);
}
function dhWorkingDaysBetween(hd, a, b) {
  const d = new Date(a);
  const end = new Date(b);
  let count = 0;
  while (d < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (dhWorking(hd, d)) count++;
  }
  return count;
}
/** Same rule as motcua's count (cut-off 15:00, close 17:00, day off → next working day), hand-written. */
function vnClock(received) {
  const vn = new Date(new Date(received).getTime() + 7 * 3_600_000);
  return { day: vn.toISOString().slice(0, 10), minutes: vn.getUTCHours() * 60 + vn.getUTCMinutes() };
}
function dhDueDate(hd, received, n) {
  const { day, minutes } = vnClock(received);
  const d = new Date(day);
  if (!dhWorking(hd, d) || minutes > 15 * 60) {
    do d.setUTCDate(d.getUTCDate() + 1);
    while (!dhWorking(hd, d));
  }
  return `${dhAddWorkingDays(hd, d.toISOString().slice(0, 10), n)}T17:00:00+07:00`;
}

// ---- date-fns: weekends only ----
const fnsAdd = (date, n) => format(addBusinessDays(parseISO(date), n), 'yyyy-MM-dd');
const fnsBetween = (a, b) => differenceInBusinessDays(parseISO(b), parseISO(a));
function fnsDueDate(received, n) {
  const { day, minutes } = vnClock(received);
  let d = parseISO(day);
  if (isWeekend(d) || minutes > 15 * 60) d = addBusinessDays(d, 1);
  return `${format(addBusinessDays(d, n), 'yyyy-MM-dd')}T17:00:00+07:00`;
}

export async function run({ dist, quick = false }) {
  const cal = dist.calendar;
  const { createCalendar, addWorkingDays, workingDaysBetween, dueDate } = cal;
  const fast = quick ? { warmupMs: 50, timeMs: 150, sampleMs: 20 } : { warmupMs: 200, timeMs: 800, sampleMs: 40 };
  const slow = quick ? { warmupMs: 100, timeMs: 300, sampleMs: 100, minSamples: 2 } : { warmupMs: 400, timeMs: 2500, sampleMs: 250, minSamples: 5 };

  // ---- set-up, timed apart ----
  const build = timeMedian(() => createCalendar(), quick ? 5 : 15);
  const bytes = retainedBytes(() => createCalendar(), quick ? 3 : 10);
  const dhSetup = timeMedian(() => new Holidays('VN', { types: ['public'] }), quick ? 5 : 15);
  const hd = new Holidays('VN', { types: ['public'] });
  cal.defaultCalendar(); // the public API below uses the default calendar: build it before timing

  const inputs = makeInputs(cal);
  const limits = inputs.map((x) => ({ amount: x.n, unit: 'working-day' }));

  // A cursor shared by each body's calls, so successive samples walk on through the inputs.
  const bench = (fn, opts) => {
    let c = 0;
    return measure((count) => {
      let acc = 0;
      for (let k = 0; k < count; k++) acc += fn(c++ & MASK);
      return acc;
    }, opts);
  };
  const ch = (s) => s.charCodeAt(9);

  const results = {
    addWorkingDays: {
      motcua: bench((k) => ch(addWorkingDays(inputs[k].date, inputs[k].n)), fast),
      'date-fns': bench((k) => ch(fnsAdd(inputs[k].date, inputs[k].n)), fast),
      'date-holidays': bench((k) => ch(dhAddWorkingDays(hd, inputs[k].date, inputs[k].n)), slow),
    },
    workingDaysBetween: {
      motcua: bench((k) => workingDaysBetween(inputs[k].date, inputs[k].end), fast),
      'date-fns': bench((k) => fnsBetween(inputs[k].date, inputs[k].end), fast),
      'date-holidays': bench((k) => dhWorkingDaysBetween(hd, inputs[k].date, inputs[k].end), slow),
    },
    dueDate: {
      motcua: bench((k) => ch(dueDate({ receivedAt: inputs[k].received, limit: limits[k], cutoff: '15:00' }).dueAt), fast),
      'date-fns': bench((k) => ch(fnsDueDate(inputs[k].received, inputs[k].n)), fast),
      'date-holidays': bench((k) => ch(dhDueDate(hd, inputs[k].received, inputs[k].n)), slow),
    },
  };

  // ---- agreement with motcua (not timed): how often the peers give the official answer ----
  const dhCount = quick ? 30 : 200; // date-holidays is slow: check the first inputs only
  const agree = (f, count) => {
    let same = 0;
    for (let k = 0; k < count; k++) if (f(k)) same++;
    return `${same}/${count}`;
  };
  const agreement = {
    addWorkingDays: {
      'date-fns': agree((k) => fnsAdd(inputs[k].date, inputs[k].n) === addWorkingDays(inputs[k].date, inputs[k].n), N),
      'date-holidays': agree((k) => dhAddWorkingDays(hd, inputs[k].date, inputs[k].n) === addWorkingDays(inputs[k].date, inputs[k].n), dhCount),
    },
    workingDaysBetween: {
      'date-fns': agree((k) => fnsBetween(inputs[k].date, inputs[k].end) === workingDaysBetween(inputs[k].date, inputs[k].end), N),
      'date-holidays': agree((k) => dhWorkingDaysBetween(hd, inputs[k].date, inputs[k].end) === workingDaysBetween(inputs[k].date, inputs[k].end), dhCount),
    },
    dueDate: {
      'date-fns': agree((k) => fnsDueDate(inputs[k].received, inputs[k].n) === dueDate({ receivedAt: inputs[k].received, limit: limits[k], cutoff: '15:00' }).dueAt, N),
      'date-holidays': agree((k) => dhDueDate(hd, inputs[k].received, inputs[k].n) === dueDate({ receivedAt: inputs[k].received, limit: limits[k], cutoff: '15:00' }).dueAt, dhCount),
    },
  };

  const rows = [];
  for (const [fn, byLib] of Object.entries(results)) {
    const m = byLib.motcua;
    const r = {};
    for (const peer of ['date-holidays', 'date-fns']) r[peer] = byLib[peer].nsPerOp / m.nsPerOp;
    rows.push({ group: 'calendar', name: `motcua ${fn}`, opsPerSec: m.opsPerSec, nsPerOp: m.nsPerOp, ratios: r, note: `${m.ops.toLocaleString('en')} calls, ${m.samples} samples` });
    const dh = byLib['date-holidays'];
    rows.push({
      group: 'calendar',
      name: `date-holidays ${fn} (day loop)`,
      opsPerSec: dh.opsPerSec,
      nsPerOp: dh.nsPerOp,
      note: `slow: only ${dh.ops} calls timed (first inputs of the same sequence), ops/s extrapolated from them; agrees with motcua on ${agreement[fn]['date-holidays']}`,
    });
    const fns = byLib['date-fns'];
    rows.push({ group: 'calendar', name: `date-fns ${fn} (no holidays)`, opsPerSec: fns.opsPerSec, nsPerOp: fns.nsPerOp, note: `weekends only; agrees with motcua on ${agreement[fn]['date-fns']}` });
  }

  const metrics = [
    { group: 'calendar', name: 'createCalendar() 1990-2100, median', value: build.medianMs, unit: 'ms', note: `${build.runs} runs, min ${build.minMs.toFixed(2)}, max ${build.maxMs.toFixed(2)}, first (cold) ${build.coldMs.toFixed(2)} ms` },
    { group: 'calendar', name: 'memory of one calendar (heap + ArrayBuffers)', value: bytes === null ? null : bytes / 1024, unit: 'KiB', note: bytes === null ? 'run node with --expose-gc' : 'retained per createCalendar(), after gc' },
    { group: 'calendar', name: "new Holidays('VN') set-up, median", value: dhSetup.medianMs, unit: 'ms', note: `first (cold) ${dhSetup.coldMs.toFixed(2)} ms` },
  ];

  const awd = results.addWorkingDays;
  const targets = [
    { group: 'calendar', name: 'addWorkingDays ≥ 5,000,000 ops/s (public string API)', actual: `${Math.round(awd.motcua.opsPerSec).toLocaleString('en')} ops/s`, pass: awd.motcua.opsPerSec >= 5e6 },
    { group: 'calendar', name: 'addWorkingDays ≥ 1000× the date-holidays loop', actual: `${Math.round(awd['date-holidays'].nsPerOp / awd.motcua.nsPerOp).toLocaleString('en')}×`, pass: awd['date-holidays'].nsPerOp / awd.motcua.nsPerOp >= 1000 },
    { group: 'calendar', name: 'index build 1990-2100 < 50 ms (median)', actual: `${build.medianMs.toFixed(2)} ms`, pass: build.medianMs < 50 },
  ];

  return {
    rows,
    metrics,
    targets,
    notes: [
      `Inputs: ${N} seeded (mulberry32, seed ${SEED}) start dates 2018-2030 (25% drawn from the official days off), n in 1..30, end = start + 0..45 days, receipts 06:00-18:59 +07:00; the same sequence for every contender.`,
      'date-holidays: `new Holidays(\'VN\', { types: [\'public\'] })` built once, outside the timing; day loop over UTC-midnight Date objects skipping Sat, Sun and `hd.isHoliday(d)`. It computes a year\'s holidays on first use and caches them: the warm-up pays that, so its rows are its best case.',
      'date-fns: `addBusinessDays(parseISO(d), n)` + `format(…, \'yyyy-MM-dd\')`, `differenceInBusinessDays(parseISO(b), parseISO(a))`: no holidays, so its answers differ around every holiday.',
      'dueDate peers are a hand-written equivalent (15:00 cut-off, day off → next working day, then n working days, due 17:00); motcua also handles office hours, seasons and fractions.',
      'Ratio = peer ns/op ÷ motcua ns/op, measured in the same run: on shared machines compare ratios, not absolute times.',
    ],
  };
}
