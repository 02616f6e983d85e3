/**
 * The dossier ids counted so far when reading a CSV file on disk, kept compact (issue #22: a
 * duplicate id is counted once, the first good row in file order wins).
 *
 * A `Map` of the id texts costs about 200 bytes an id (about 1 GB for 5,000,000 rows). Here each
 * counted id keeps a 64-bit hash, its line and the byte offset of its row: about 30 bytes. Two
 * ids with the same hash are compared exactly by reading the earlier row again from the file
 * (a true duplicate, or, about once in 10^12 files of 5,000,000 rows, two ids whose hashes
 * collide): the decision is never taken on a hash alone.
 * @internal
 * @module
 */

/** The counted ids of a range, in file order: hash halves, line, byte offset of the row. @internal */
export interface IdEntries {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly line: Float64Array;
  readonly offset: Float64Array;
  readonly count: number;
}

/** Two independent 32-bit hashes of a string's UTF-16 code units. @internal */
export function hashId(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [fmix(a), fmix(b ^ 0x3c6ef372)];
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** How many probed id texts are kept (then forgotten, and read again if needed). */
const CACHE_MAX = 4096;

/**
 * An open-addressing table of entry numbers keyed by the 64-bit hash, over entries stored in
 * growing typed arrays (or, for {@link mergeLedgers}, in the ranges' own arrays).
 */
class Table {
  private slots: Int32Array;
  private mask: number;
  private used = 0;

  constructor(
    private readonly hiOf: (e: number) => number,
    private readonly loOf: (e: number) => number,
    capacity = 0
  ) {
    let size = 1 << 12;
    while (size * 7 < capacity * 10) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Entry numbers with this hash, in insertion order; `visit` returns true to stop. */
  find(hi: number, lo: number, visit: (e: number) => boolean): boolean {
    let s = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const v = this.slots[s]!;
      if (v === 0) return false;
      const e = v - 1;
      if (this.loOf(e) === lo && this.hiOf(e) === hi && visit(e)) return true;
      s = (s + 1) & this.mask;
    }
  }

  insert(e: number, hi: number, lo: number): void {
    if ((this.used + 1) * 10 > this.slots.length * 7) this.grow();
    let s = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = e + 1;
    this.used++;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const v of old) {
      if (v === 0) continue;
      const e = v - 1;
      let s = (this.loOf(e) ^ Math.imul(this.hiOf(e), 0x9e3779b1)) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = v;
    }
  }
}

/**
 * The ledger of one reading (one thread or one worker's range): `once` as `IdLedger` wants it.
 * `idAt(offset)` reads the id of the good row starting at that byte offset (from the file).
 * @internal
 */
export class CompactLedger {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private lines = new Float64Array(1024);
  private offsets = new Float64Array(1024);
  private n = 0;
  private readonly table = new Table(
    (e) => this.hi[e]!,
    (e) => this.lo[e]!
  );
  private readonly cache = new Map<number, string>();

  constructor(private readonly idAt: (offset: number) => string) {}

  /** -1 when `id` is new (remembered with its line and row offset), else the line of the row counted with it. */
  once(id: string, line: number, offset: number): number {
    const [hi, lo] = hashId(id);
    let first = -1;
    this.table.find(hi, lo, (e) => {
      if (this.textOf(e) !== id) return false;
      first = this.lines[e]!;
      return true;
    });
    if (first >= 0) return first;
    this.push(hi, lo, line, offset);
    return -1;
  }

  private textOf(e: number): string {
    let t = this.cache.get(e);
    if (t === undefined) {
      t = this.idAt(this.offsets[e]!);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(e, t);
    }
    return t;
  }

  private push(hi: number, lo: number, line: number, offset: number): void {
    if (this.n === this.hi.length) {
      const cap = Math.ceil(this.n * 1.5);
      const g = <T extends Uint32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
      this.hi = g(this.hi, new Uint32Array(cap));
      this.lo = g(this.lo, new Uint32Array(cap));
      this.lines = g(this.lines, new Float64Array(cap));
      this.offsets = g(this.offsets, new Float64Array(cap));
    }
    const e = this.n++;
    this.hi[e] = hi;
    this.lo[e] = lo;
    this.lines[e] = line;
    this.offsets[e] = offset;
    this.table.insert(e, hi, lo);
  }

  /** The counted ids, in file order (the arrays themselves, trimmed views: the ledger is not used after). */
  entries(): IdEntries {
    const n = this.n;
    return { hi: this.hi.subarray(0, n), lo: this.lo.subarray(0, n), line: this.lines.subarray(0, n), offset: this.offsets.subarray(0, n), count: n };
  }
}

/** A row of a later range whose id an earlier range counted: it is rejected, the earlier row wins. @internal */
export interface CrossDuplicate {
  /** The range it is in, its line in the file, the byte offset of its row. */
  readonly range: number;
  readonly line: number;
  readonly offset: number;
  /** The line in the file of the row counted with that id. */
  readonly first: number;
}

/**
 * The ids counted by each range, taken in file order: each id another range counted earlier
 * makes a {@link CrossDuplicate} (ranges' own duplicates were already rejected in the range).
 * `lineBase[k]`: the file line of range k's line 1. Ids of equal hash are compared exactly with
 * `idAt` (reading the rows again).
 * @internal
 */
export function mergeLedgers(parts: readonly IdEntries[], lineBase: readonly number[], idAt: (offset: number) => string): CrossDuplicate[] {
  const starts: number[] = [];
  let total = 0;
  for (const p of parts) {
    starts.push(total);
    total += p.count;
  }
  // entry e (global) → its range
  const rangeOf = (e: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const at = <K extends 'hi' | 'lo' | 'line' | 'offset'>(k: K, e: number): number => {
    const r = rangeOf(e);
    return parts[r]![k][e - starts[r]!]!;
  };
  const table = new Table(
    (e) => at('hi', e),
    (e) => at('lo', e),
    total
  );
  const cache = new Map<number, string>();
  const text = (offset: number): string => {
    let t = cache.get(offset);
    if (t === undefined) {
      t = idAt(offset);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(offset, t);
    }
    return t;
  };
  const out: CrossDuplicate[] = [];
  parts.forEach((p, k) => {
    for (let i = 0; i < p.count; i++) {
      const hi = p.hi[i]!;
      const lo = p.lo[i]!;
      const offset = p.offset[i]!;
      let first = -1;
      if (k > 0) {
        table.find(hi, lo, (e) => {
          if (text(at('offset', e)) !== text(offset)) return false;
          first = at('line', e) + lineBase[rangeOf(e)]! - 1;
          return true;
        });
      }
      if (first >= 0) out.push({ range: k, line: p.line[i]! + lineBase[k]! - 1, offset, first });
      else table.insert(starts[k]! + i, hi, lo);
    }
  });
  return out;
}
