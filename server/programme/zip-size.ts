import { inflateRawSync } from 'node:zlib';

/**
 * .docx and .xlsx files are zip archives: a 9 KB file can inflate to megabytes of XML. Before a
 * reader sees one, every entry is measured: first by the sizes its directory declares, then by
 * really inflating it with a ceiling, since a crafted archive can declare anything.
 */
export class TooLarge extends Error {
  constructor(readonly inflatedLimit: number) {
    super(`the file inflates to more than ${Math.round(inflatedLimit / 1e6)} MB`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type Entry = { method: number; compressed: number; size: number; localOffset: number };

/** Throws TooLarge when the archive's entries together inflate to more than `limit` bytes; returns the total otherwise. */
export function checkInflatedSize(zip: Buffer, limit: number): number {
  const entries = centralDirectory(zip);
  if (entries === null) return 0; // not a zip: the reader says so in its own words
  if (entries.reduce((sum, e) => sum + e.size, 0) > limit) throw new TooLarge(limit);
  let total = 0;
  for (const e of entries) {
    if (e.localOffset + 30 > zip.length || zip.readUInt32LE(e.localOffset) !== LOCAL) continue;
    const start = e.localOffset + 30 + zip.readUInt16LE(e.localOffset + 26) + zip.readUInt16LE(e.localOffset + 28);
    const data = zip.subarray(start, start + e.compressed);
    if (e.method === 0) total += data.length;
    else if (e.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge(limit);
        continue; // a damaged entry: the reader reports it
      }
    }
    if (total > limit) throw new TooLarge(limit);
  }
  return total;
}

function centralDirectory(zip: Buffer): Entry[] | null {
  // The end record sits in the last 22 bytes plus an optional comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count && p + 46 <= zip.length && zip.readUInt32LE(p) === CENTRAL; i++) {
    // 0xFFFFFFFF marks a zip64 size: more than 4 GB, far past any limit.
    const size = zip.readUInt32LE(p + 24);
    entries.push({
      method: zip.readUInt16LE(p + 10),
      compressed: zip.readUInt32LE(p + 20),
      size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size,
      localOffset: zip.readUInt32LE(p + 42),
    });
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}
