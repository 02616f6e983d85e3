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

/** Entries are kept in chunks of this many (no copying as they grow, little unused room). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/**
 * The counted ids of a range, in file order, in chunks of 65,536: hash halves, line, byte offset
 * of the row (entry e is at `[e >> 16][e & 0xffff]`). @internal
 */
export interface IdEntries {
  readonly hi: readonly Uint32Array[];
  readonly lo: readonly Uint32Array[];
  readonly line: readonly Uint32Array[];
  readonly offset: readonly Float64Array[];
  readonly count: number;
}

/** The two halves of the last {@link hashInto} (no array allocated per id). */
let H1 = 0;
let H2 = 0;

/** Two independent 32-bit hashes of a string's UTF-16 code units. @internal */
export function hashId(id: string): [number, number] {
  hashInto(id);
  return [H1, H2];
}

function hashInto(id: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  H1 = fmix(a);
  H2 = fmix(b ^ 0x3c6ef372);
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
  private readonly hi: Uint32Array[] = [];
  private readonly lo: Uint32Array[] = [];
  private readonly lines: Uint32Array[] = [];
  private readonly offsets: Float64Array[] = [];
  private n = 0;
  private slots = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private readonly cache = new Map<number, string>();

  constructor(private readonly idAt: (offset: number) => string) {}

  /** -1 when `id` is new (remembered with its line and row offset), else the line of the row counted with it. */
  once(id: string, line: number, offset: number): number {
    hashInto(id);
    return this.place(id, line, offset);
  }

  /** `once` for an id cell's UTF-8 bytes: an ASCII id is hashed from them (as its text would be), and decoded only to compare. */
  onceBytes(b: Uint8Array, s: number, end: number, id: () => string, line: number, offset: number): number {
    let a = 0x811c9dc5;
    let h = 0x9747b28c ^ (end - s);
    for (let k = s; k < end; k++) {
      const c = b[k]!;
      if (c >= 0x80) return this.once(id(), line, offset);
      a = Math.imul(a ^ c, 0x01000193);
      h = Math.imul(h ^ c, 0x5bd1e995);
      h ^= h >>> 13;
    }
    H1 = fmix(a);
    H2 = fmix(h ^ 0x3c6ef372);
    return this.place(id, line, offset);
  }

  /** The id hashed into H1, H2: find it, or remember it. */
  private place(id: string | (() => string), line: number, offset: number): number {
    const hi = H1;
    const lo = H2;
    const slots = this.slots;
    const mask = this.mask;
    let s = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    for (;;) {
      const v = slots[s]!;
      if (v === 0) break;
      const e = v - 1;
      const c = e >>> CHUNK_BITS;
      const i = e & IN_CHUNK;
      if (this.lo[c]![i] === lo && this.hi[c]![i] === hi && this.textOf(e) === (typeof id === 'string' ? id : id())) return this.lines[c]![i]!;
      s = (s + 1) & mask;
    }
    // new: remembered in the empty slot found
    const e = this.n++;
    const i = e & IN_CHUNK;
    if (i === 0) {
      this.hi.push(new Uint32Array(CHUNK));
      this.lo.push(new Uint32Array(CHUNK));
      this.lines.push(new Uint32Array(CHUNK));
      this.offsets.push(new Float64Array(CHUNK));
    }
    const c = e >>> CHUNK_BITS;
    this.hi[c]![i] = hi;
    this.lo[c]![i] = lo;
    this.lines[c]![i] = line;
    this.offsets[c]![i] = offset;
    slots[s] = e + 1;
    if (this.n * 10 > slots.length * 7) this.growSlots();
    return -1;
  }

  private textOf(e: number): string {
    let t = this.cache.get(e);
    if (t === undefined) {
      t = this.idAt(this.offsets[e >>> CHUNK_BITS]![e & IN_CHUNK]!);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(e, t);
    }
    return t;
  }

  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.n; e++) {
      const c = e >>> CHUNK_BITS;
      const i = e & IN_CHUNK;
      let s = (this.lo[c]![i]! ^ Math.imul(this.hi[c]![i]!, 0x9e3779b1)) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The counted ids, in file order (the ledger is not used after). */
  entries(): IdEntries {
    this.slots = new Int32Array(0);
    return { hi: this.hi, lo: this.lo, line: this.lines, offset: this.offsets, count: this.n };
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
  const his = parts.map((p) => p.hi);
  const los = parts.map((p) => p.lo);
  const hiAt = (e: number): number => {
    const r = rangeOf(e);
    const j = e - starts[r]!;
    return his[r]![j >>> CHUNK_BITS]![j & IN_CHUNK]!;
  };
  const loAt = (e: number): number => {
    const r = rangeOf(e);
    const j = e - starts[r]!;
    return los[r]![j >>> CHUNK_BITS]![j & IN_CHUNK]!;
  };
  const at = (k: 'line' | 'offset', e: number): number => {
    const r = rangeOf(e);
    const j = e - starts[r]!;
    return parts[r]![k][j >>> CHUNK_BITS]![j & IN_CHUNK]!;
  };
  // the ids of the last range need not be remembered (no range after it)
  const table = new Table(hiAt, loAt, total - (parts[parts.length - 1]?.count ?? 0));
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
      const c = i >>> CHUNK_BITS;
      const j = i & IN_CHUNK;
      const hi = p.hi[c]![j]!;
      const lo = p.lo[c]![j]!;
      const offset = p.offset[c]![j]!;
      let first = -1;
      if (k > 0) {
        table.find(hi, lo, (e) => {
          if (text(at('offset', e)) !== text(offset)) return false;
          first = at('line', e) + lineBase[rangeOf(e)]! - 1;
          return true;
        });
      }
      if (first >= 0) out.push({ range: k, line: p.line[c]![j]! + lineBase[k]! - 1, offset, first });
      else if (k < parts.length - 1) table.insert(starts[k]! + i, hi, lo);
    }
  });
  return out;
}
