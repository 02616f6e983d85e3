/**
 * The zip container of .xlsx workbooks, with `node:zlib` only: a streaming writer (entries
 * deflated as they come, sizes in data descriptors) and a reader that streams one entry's
 * inflated bytes from its offset, so a large sheet never sits in memory. No zip64, no
 * encryption: what spreadsheet programs write for workbooks under 4 GB.
 * @internal
 * @module
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createDeflateRaw, createInflateRaw } from 'node:zlib';
import { type ErrorTexts, MotcuaError } from '../errors';

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (the zip one), continued from `crc`. @internal */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

interface Written {
  readonly name: Buffer;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/** A zip file written entry by entry (deflated, streamed). @internal */
export interface ZipWriter {
  /** Add an entry from chunks of bytes or text (UTF-8). */
  add(name: string, chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): Promise<void>;
  /** Write the central directory and close the file. */
  close(): Promise<void>;
}

// 1980-01-01 00:00: a fixed time, so that the same workbook gives the same bytes
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Start writing a zip file at `path`. @internal */
export async function createZipWriter(path: string): Promise<ZipWriter> {
  const fh: FileHandle = await open(path, 'w');
  let pos = 0;
  const entries: Written[] = [];
  const write = async (b: Uint8Array) => {
    let off = 0;
    while (off < b.length) {
      const { bytesWritten } = await fh.write(b, off, b.length - off, pos);
      off += bytesWritten;
      pos += bytesWritten;
    }
  };
  return {
    async add(name, chunks) {
      const nameBytes = Buffer.from(name, 'utf8');
      const offset = pos;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0808, 6); // data descriptor follows; names in UTF-8
      local.writeUInt16LE(8, 8);
      local.writeUInt16LE(DOS_TIME, 10);
      local.writeUInt16LE(DOS_DATE, 12);
      local.writeUInt16LE(nameBytes.length, 26);
      await write(local);
      await write(nameBytes);
      let crc = 0;
      let size = 0;
      let compressed = 0;
      const deflate = createDeflateRaw({ level: 6 });
      const out: Buffer[] = [];
      deflate.on('data', (b: Buffer) => out.push(b));
      const flush = async () => {
        while (out.length) {
          const b = out.shift()!;
          compressed += b.length;
          await write(b);
        }
      };
      for await (const c of chunks) {
        const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
        crc = crc32(b, crc);
        size += b.length;
        if (!deflate.write(b)) await new Promise<void>((r) => deflate.once('drain', r));
        await flush();
      }
      await new Promise<void>((r) => {
        deflate.once('end', r);
        deflate.end();
      });
      await flush();
      if (size > 0xfffffffe || pos > 0xfffffffe) throw new MotcuaError('INVALID_INPUT', { vi: `mục zip ${name}: trên 4 GB, cần zip64 (motcua không ghi)`, en: `zip entry ${name}: over 4 GB, which needs zip64 (not written by motcua)` }, name, 'zip');
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(compressed, 8);
      dd.writeUInt32LE(size, 12);
      await write(dd);
      entries.push({ name: nameBytes, crc, compressed, size, offset });
    },
    async close() {
      const start = pos;
      for (const e of entries) {
        const h = Buffer.alloc(46);
        h.writeUInt32LE(0x02014b50, 0);
        h.writeUInt16LE(20, 4);
        h.writeUInt16LE(20, 6);
        h.writeUInt16LE(0x0808, 8);
        h.writeUInt16LE(8, 10);
        h.writeUInt16LE(DOS_TIME, 12);
        h.writeUInt16LE(DOS_DATE, 14);
        h.writeUInt32LE(e.crc, 16);
        h.writeUInt32LE(e.compressed, 20);
        h.writeUInt32LE(e.size, 24);
        h.writeUInt16LE(e.name.length, 28);
        h.writeUInt32LE(e.offset, 42);
        await write(h);
        await write(e.name);
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(pos - start, 12);
      end.writeUInt32LE(start, 16);
      await write(end);
      await fh.close();
    },
  };
}

/** One entry of a zip file's central directory. @internal */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * Where the end-of-central-directory record starts in `buf` (searched backwards over the
 * largest possible comment), or -1.
 * @internal
 */
export function findEndOfCentralDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/**
 * The entries of a zip's central directory `cd` (which holds `count` records), by name. Every
 * read is bounds-checked: a truncated or lying directory is `damaged()`, never a RangeError.
 * One parser for the .xlsx reader and the .docx reader.
 * @internal
 */
export function parseCentralDirectory(cd: Buffer, count: number, damaged: (why: ErrorTexts) => MotcuaError): Map<string, ZipEntry> {
  const out = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw damaged({ vi: 'thư mục của tệp zip bị hỏng', en: 'the zip directory is damaged' });
    const method = cd.readUInt16LE(p + 10);
    const compressed = cd.readUInt32LE(p + 20);
    const size = cd.readUInt32LE(p + 24);
    const n = cd.readUInt16LE(p + 28);
    const x = cd.readUInt16LE(p + 30);
    const c = cd.readUInt16LE(p + 32);
    const offset = cd.readUInt32LE(p + 42);
    if (p + 46 + n > cd.length) throw damaged({ vi: 'thư mục của tệp zip bị hỏng', en: 'the zip directory is damaged' });
    const name = cd.toString('utf8', p + 46, p + 46 + n);
    out.set(name, { name, method, compressed, size, offset });
    p += 46 + n + x + c;
  }
  return out;
}

/**
 * The location of the central directory from the end record at `e` of `tail` (the last
 * `tail.length` bytes of a `size`-byte file), refused when it lies outside the file.
 * @internal
 */
export function centralDirectoryOf(tail: Buffer, e: number, size: number, damaged: (why: ErrorTexts) => MotcuaError): { count: number; start: number; size: number } {
  const count = tail.readUInt16LE(e + 10);
  const cdSize = tail.readUInt32LE(e + 12);
  const cdStart = tail.readUInt32LE(e + 16);
  if (cdStart === 0xffffffff || count === 0xffff) throw damaged({ vi: 'motcua không đọc tệp nén zip64 (trên 4 GB hoặc 65.535 mục)', en: 'a zip64 archive (over 4 GB or 65,535 entries) is not read by motcua' });
  const eocdAt = size - tail.length + e;
  if (cdStart + cdSize > eocdAt) throw damaged({ vi: 'thư mục của tệp zip trỏ ra ngoài tệp', en: 'the zip directory points outside the file' });
  return { count, start: cdStart, size: cdSize };
}

/**
 * The entries of a zip file, from its central directory.
 * @throws {MotcuaError} `INVALID_INPUT` when the file is not a zip (not an .xlsx workbook).
 * @internal
 */
export async function zipEntries(path: string): Promise<Map<string, ZipEntry>> {
  const damaged = (why: ErrorTexts) => new MotcuaError('INVALID_INPUT', { vi: `${path}: ${why.vi}; hãy xuất lại tệp Excel hoặc xuất dưới dạng CSV`, en: `${path}: ${why.en}; export the workbook again or as CSV` }, path, 'xlsx');
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tail = Buffer.alloc(Math.min(size, 65_557));
    await fh.read(tail, 0, tail.length, size - tail.length);
    const e = findEndOfCentralDirectory(tail);
    if (e < 0) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: không phải tệp zip nên không phải tệp Excel .xlsx (tệp .xls cũ phải được lưu lại dưới dạng .xlsx hoặc CSV)`, en: `${path}: not a zip file, so not an .xlsx workbook (an old .xls must be saved again as .xlsx or CSV)` }, path, 'xlsx');
    const dir = centralDirectoryOf(tail, e, size, damaged);
    const cd = Buffer.alloc(dir.size);
    await fh.read(cd, 0, dir.size, dir.start);
    return parseCentralDirectory(cd, dir.count, damaged);
  } finally {
    await fh.close();
  }
}

/** The inflated bytes of one entry, streamed. @internal */
export async function* zipEntryChunks(path: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  let start: number;
  try {
    const h = Buffer.alloc(30);
    await fh.read(h, 0, 30, entry.offset);
    if (h.readUInt32LE(0) !== 0x04034b50) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: mục zip ${entry.name} bị hỏng`, en: `${path}: the zip entry ${entry.name} is damaged` }, path, 'xlsx');
    start = entry.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  if (entry.compressed === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressed - 1, highWaterMark: 1 << 16 });
  if (entry.method === 0) {
    for await (const b of raw as AsyncIterable<Buffer>) yield b;
    return;
  }
  if (entry.method !== 8) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: mục zip ${entry.name} dùng phương thức nén ${entry.method}, motcua không đọc được`, en: `${path}: the zip entry ${entry.name} uses compression method ${entry.method}, which motcua does not read` }, path, 'xlsx');
  const inflate = createInflateRaw();
  raw.pipe(inflate);
  raw.on('error', (e) => inflate.destroy(e));
  // a zip bomb declares a small size and inflates to gigabytes: stop at the declared size
  let out = 0;
  try {
    for await (const b of inflate as AsyncIterable<Buffer>) {
      out += b.length;
      if (out > entry.size) throw new MotcuaError('INVALID_INPUT', { vi: `${path}: mục zip ${entry.name} giải nén ra nhiều hơn ${entry.size} byte đã khai (tệp bị hỏng hoặc độc hại)`, en: `${path}: the zip entry ${entry.name} inflates to more than the ${entry.size} bytes it declares (a damaged or hostile file)` }, path, 'xlsx');
      yield b;
    }
  } finally {
    raw.destroy();
    inflate.destroy();
  }
}
