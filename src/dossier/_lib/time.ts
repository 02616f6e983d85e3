/** @internal Fast instant parsing for event timestamps, with the calendar's strict parser as fallback. */
import { parseInstant } from '../../calendar/_lib/instant';
import { daysFromCivil, daysInMonth } from '../../calendar/_lib/civil';

function dig(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100000;
}

/**
 * Epoch ms of `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)` without a regex or allocation; any other
 * form goes through `parseInstant`, which accepts the rest of ISO 8601 or throws a `MotcuaError`.
 */
export function instantMs(s: string, field: string): number {
  const n = s.length;
  if (n >= 17 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(10) === 84 && s.charCodeAt(13) === 58) {
    const y = dig(s, 0) * 1000 + dig(s, 1) * 100 + dig(s, 2) * 10 + dig(s, 3);
    const mo = dig(s, 5) * 10 + dig(s, 6);
    const d = dig(s, 8) * 10 + dig(s, 9);
    const h = dig(s, 11) * 10 + dig(s, 12);
    const mi = dig(s, 14) * 10 + dig(s, 15);
    let p = 16;
    let sec = 0;
    let ms = 0;
    if (s.charCodeAt(p) === 58) {
      sec = dig(s, p + 1) * 10 + dig(s, p + 2);
      p += 3;
      if (s.charCodeAt(p) === 46) {
        p++;
        let scale = 100;
        while (p < n) {
          const c = s.charCodeAt(p) - 48;
          if (c < 0 || c > 9) break;
          ms += c * scale;
          scale /= 10;
          p++;
        }
        ms = Math.floor(ms);
      }
    }
    let off = -1;
    const c = s.charCodeAt(p);
    if (c === 90 && p + 1 === n) off = 0;
    else if ((c === 43 || c === 45) && p + 6 === n && s.charCodeAt(p + 3) === 58) {
      const oh = dig(s, p + 1) * 10 + dig(s, p + 2);
      const om = dig(s, p + 4) * 10 + dig(s, p + 5);
      if (oh >= 0 && oh <= 18 && om >= 0 && om <= 59) off = (c === 45 ? -1 : 1) * (oh * 60 + om) + 100000;
    }
    if (off >= 0 && y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59) {
      const offMin = off === 0 ? 0 : off - 100000;
      return (daysFromCivil(y, mo, d) * 1440 + h * 60 + mi - offMin) * 60000 + sec * 1000 + ms;
    }
  }
  return parseInstant(s, field);
}
