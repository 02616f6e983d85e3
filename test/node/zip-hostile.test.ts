import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MotcuaError } from '../../src/errors';
import { docxText } from '../../src/node/index';
import { zipEntries, zipEntryChunks } from '../../src/node/zip';
import { docx, p, zip } from './_docx';

// Hostile zips (issue #14 on the .docx and .xlsx readers): a bomb that declares a small size,
// a directory that points outside the file or is cut short, entity references that name no
// character or name a property of Object.prototype. Each must give a typed error or plain text,
// never a RangeError, a gigabyte allocation or `function Object() { [native code] }`.

/** The central directory's offset, from the end record. */
const cdStart = (b: Buffer) => b.readUInt32LE(b.length - 22 + 16);

/** A one-file zip whose central record declares `declared` bytes uncompressed. */
function lyingSize(name: string, text: string, declared: number): Buffer {
  const b = Buffer.from(zip({ [name]: text }));
  b.writeUInt32LE(declared, cdStart(b) + 24);
  return b;
}

const typed = (f: () => unknown, re: RegExp) => {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(MotcuaError);
  expect((err as MotcuaError).code).toBe('INVALID_INPUT');
  expect((err as Error).message).toMatch(re);
};

describe('docxText on hostile zips', () => {
  const doc = `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${p('a'.repeat(5_000_000))}</w:body></w:document>`;

  it('stops a bomb at the size it declares', () => {
    typed(() => docxText(lyingSize('word/document.xml', doc, 1000)), /inflates to more than the 1000 bytes it declares/);
  });

  it('refuses a directory that points outside the file or is cut short', () => {
    const b = Buffer.from(docx(p('x')));
    const far = Buffer.from(b);
    far.writeUInt32LE(0xfff0_0000, far.length - 22 + 16);
    typed(() => docxText(far), /points outside the file/);
    const many = Buffer.from(b);
    many.writeUInt16LE(40, many.length - 22 + 10); // 40 records announced, fewer present
    typed(() => docxText(many), /directory is damaged/);
  });

  it('refuses an entry whose data runs past the end of the file', () => {
    const b = Buffer.from(zip({ 'word/document.xml': doc }));
    b.writeUInt32LE(0x7fff_0000, cdStart(b) + 20); // compressed size
    typed(() => docxText(b), /runs past the end of the file/);
  });

  it('keeps as text a reference that names no character or an Object.prototype property', () => {
    const raw = '<w:p><w:r><w:t>A&#xFFFFFFF;B &constructor; &toString; &amp; &#x1EA1;</w:t></w:r></w:p>';
    const text = docxText(docx(raw));
    expect(text).toBe('A&#xFFFFFFF;B &constructor; &toString; & ạ\n');
  });
});

describe('xlsx zip entries on hostile zips', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-zip-'));

  it('stops a streamed bomb at the size it declares', async () => {
    const f = join(dir, 'bomb.xlsx');
    writeFileSync(f, lyingSize('xl/sharedStrings.xml', 'x'.repeat(3_000_000), 4096));
    const entry = (await zipEntries(f)).get('xl/sharedStrings.xml')!;
    expect(entry.size).toBe(4096);
    let read = 0;
    const run = async () => {
      for await (const b of zipEntryChunks(f, entry)) read += b.length;
    };
    await expect(run()).rejects.toThrow(/inflates to more than the 4096 bytes it declares/);
    expect(read).toBeLessThanOrEqual(4096);
  });

  it('refuses a directory that points outside the file, with no huge allocation', async () => {
    const f = join(dir, 'far.xlsx');
    const b = Buffer.from(zip({ 'xl/workbook.xml': '<workbook/>' }));
    b.writeUInt32LE(0xffff_fff0, b.length - 22 + 12); // directory size ~4 GB
    writeFileSync(f, b);
    await expect(zipEntries(f)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/points outside the file/) });
  });
});
