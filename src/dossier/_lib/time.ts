/** @internal Fast instant parsing for event timestamps, with the calendar's strict parser as fallback. */
import { parseInstant } from '../../_lib/civil/instant';

/** Earliest and latest epoch ms an event may carry: 0001-01-01 to 9999-12-31 (the ISO 8601 years `replay` reads). */
export const MIN_MS = -62135596800000;
export const MAX_MS = 253402300799999;

/** An event's `at` given as integer epoch milliseconds in years 1-9999 (what `replayMany` accepts besides ISO text). */
export function isEpochMs(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= MIN_MS && v <= MAX_MS;
}

/** Days before month m (1-12) in a common year, and days in month m. */
const CUM = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/**
 * Epoch ms of `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)` without a regex or allocation (digits
 * checked all at once, day number by a closed formula); any other form, and years before 1, go
 * through `parseInstant`, which accepts the rest of ISO 8601 or throws a `MotcuaError`.
 */
export function instantMs(s: string, field: string): number {
  const n = s.length;
  if (n >= 17 && n <= 40) {
    const c0 = s.charCodeAt(0) - 48, c1 = s.charCodeAt(1) - 48, c2 = s.charCodeAt(2) - 48, c3 = s.charCodeAt(3) - 48;
    const c5 = s.charCodeAt(5) - 48, c6 = s.charCodeAt(6) - 48, c8 = s.charCodeAt(8) - 48, c9 = s.charCodeAt(9) - 48;
    const c11 = s.charCodeAt(11) - 48, c12 = s.charCodeAt(12) - 48, c14 = s.charCodeAt(14) - 48, c15 = s.charCodeAt(15) - 48;
    const bad = c0 | c1 | c2 | c3 | c5 | c6 | c8 | c9 | c11 | c12 | c14 | c15 | (9 - c0) | (9 - c1) | (9 - c2) | (9 - c3) | (9 - c5) | (9 - c6) | (9 - c8) | (9 - c9) | (9 - c11) | (9 - c12) | (9 - c14) | (9 - c15);
    if (bad >= 0 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(10) === 84 && s.charCodeAt(13) === 58) {
      const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
      const mo = c5 * 10 + c6;
      const d = c8 * 10 + c9;
      const h = c11 * 10 + c12;
      const mi = c14 * 10 + c15;
      let p = 16;
      let sec = 0;
      let ms = 0;
      let c = s.charCodeAt(p);
      if (c === 58) {
        const s1 = s.charCodeAt(p + 1) - 48, s2 = s.charCodeAt(p + 2) - 48;
        if ((s1 | s2 | (9 - s1) | (9 - s2)) < 0) return parseInstant(s, field);
        sec = s1 * 10 + s2;
        p += 3;
        c = s.charCodeAt(p);
        if (c === 46) {
          p++;
          let scale = 100;
          while (p < n) {
            const q = s.charCodeAt(p) - 48;
            if (q < 0 || q > 9) break;
            ms += q * scale;
            scale /= 10;
            p++;
          }
          ms = Math.floor(ms);
          c = s.charCodeAt(p);
        }
      }
      let offMin: number;
      if (c === 90 && p + 1 === n) offMin = 0;
      else if ((c === 43 || c === 45) && p + 6 === n && s.charCodeAt(p + 3) === 58) {
        const o1 = s.charCodeAt(p + 1) - 48, o2 = s.charCodeAt(p + 2) - 48, o4 = s.charCodeAt(p + 4) - 48, o5 = s.charCodeAt(p + 5) - 48;
        if ((o1 | o2 | o4 | o5 | (9 - o1) | (9 - o2) | (9 - o4) | (9 - o5)) < 0) return parseInstant(s, field);
        const oh = o1 * 10 + o2, om = o4 * 10 + o5;
        if (oh > 18 || om > 59) return parseInstant(s, field);
        offMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
      } else return parseInstant(s, field);
      if (y < 1) return parseInstant(s, field);
      const leap = (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
      if (mo >= 1 && mo <= 12 && d >= 1 && (d <= DIM[mo]! || (mo === 2 && d === 29 && leap)) && h <= 23 && mi <= 59 && sec <= 59) {
        const yy = y - 1;
        const day = 365 * yy + ((yy / 4) | 0) - ((yy / 100) | 0) + ((yy / 400) | 0) - 719162 + CUM[mo]! + (mo > 2 && leap ? 1 : 0) + d - 1;
        return (day * 1440 + h * 60 + mi - offMin) * 60000 + sec * 1000 + ms;
      }
    }
  }
  return parseInstant(s, field);
}
