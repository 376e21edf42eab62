// A small zip reader and writer for repacking the .vsix and the server jar per platform: entries
// that are kept are copied as they are compressed (no inflate and deflate again), so a 300 MB jar
// is rewritten in seconds. No zip64: a zip that would need it is refused with a message.
import { closeSync, openSync, readSync, writeSync, fstatSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip file (central directory), with where each one's compressed data starts;
 * `within` reads a zip stored uncompressed inside another file (the jar inside a .vsix).
 */
export function readZip(path, within = undefined) {
  const fd = within ? within.source : openSync(path, 'r');
  const base = within ? within.dataOffset : 0;
  const size = within ? within.compressedSize : fstatSync(fd).size;
  if (within && within.method !== 0)
    throw new Error(`${path} is compressed inside its zip: it cannot be read in place`);
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  readSync(fd, tail, 0, tailLength, base + size - tailLength);
  let at = -1;
  for (let i = tailLength - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  if (at < 0) throw new Error(`${path} is not a zip file (no end of central directory)`);
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new Error(`${path} is a zip64 file, which this reader does not read`);
  const cd = Buffer.alloc(cdSize);
  readSync(fd, cd, 0, cdSize, base + cdOffset);
  const entries = [];
  let p = 0;
  const local = Buffer.alloc(30);
  for (let n = 0; n < count; n++) {
    if (cd.readUInt32LE(p) !== CENTRAL) throw new Error(`${path}: bad central directory entry ${n}`);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const e = {
      madeBy: cd.readUInt16LE(p + 4),
      needed: cd.readUInt16LE(p + 6),
      flags: cd.readUInt16LE(p + 8) & ~0x0008, // sizes go in the local header: no data descriptor
      method: cd.readUInt16LE(p + 10),
      time: cd.readUInt16LE(p + 12),
      date: cd.readUInt16LE(p + 14),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      externalAttributes: cd.readUInt32LE(p + 38),
      nameBytes: cd.subarray(p + 46, p + 46 + nameLength),
    };
    e.name = e.nameBytes.toString('utf8');
    const localOffset = cd.readUInt32LE(p + 42);
    readSync(fd, local, 0, 30, base + localOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new Error(`${path}: bad local header of ${e.name}`);
    e.dataOffset = base + localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    e.source = fd;
    entries.push(e);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { path, entries, close: () => within || closeSync(fd) };
}

/** One entry's uncompressed content (for small entries: manifests, notices). */
export function readEntry(entry) {
  const raw = Buffer.alloc(entry.compressedSize);
  readSync(entry.source, raw, 0, raw.length, entry.dataOffset);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return inflateRawSync(raw);
  throw new Error(`${entry.name}: compression method ${entry.method} is not supported`);
}

/** A new entry from bytes: deflated unless `store`; `mode` gives Unix permissions (e.g. 0o755). */
export function newEntry(name, data, { mode = 0o644, store = false } = {}) {
  const deflated = store ? data : deflateRawSync(data, { level: 6 });
  const useStore = store || deflated.length >= data.length;
  const now = new Date();
  return {
    name,
    nameBytes: Buffer.from(name, 'utf8'),
    madeBy: (3 << 8) | 20, // Unix, so the mode below is read
    needed: 20,
    flags: 0x0800, // UTF-8 names
    method: useStore ? 0 : 8,
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
    crc: crc32(data),
    compressedSize: useStore ? data.length : deflated.length,
    size: data.length,
    externalAttributes: ((0o100000 | mode) << 16) >>> 0,
    data: useStore ? data : deflated,
  };
}

/** Writes `entries` (read ones are copied raw, new ones written from their data) to `path`. */
export function writeZip(path, entries) {
  if (entries.length >= 0xffff) throw new Error(`${path}: ${entries.length} entries need zip64`);
  const fd = openSync(path, 'w');
  let offset = 0;
  const write = (b) => {
    writeSync(fd, b);
    offset += b.length;
  };
  const central = [];
  const chunk = Buffer.alloc(8 << 20);
  for (const e of entries) {
    const localOffset = offset;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(e.needed, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(e.time, 10);
    h.writeUInt16LE(e.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.compressedSize, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.nameBytes.length, 26);
    h.writeUInt16LE(0, 28);
    write(h);
    write(e.nameBytes);
    if (e.data) write(e.data);
    else {
      for (let done = 0; done < e.compressedSize; ) {
        const n = readSync(
          e.source,
          chunk,
          0,
          Math.min(chunk.length, e.compressedSize - done),
          e.dataOffset + done,
        );
        if (n <= 0) throw new Error(`${path}: ${e.name} is cut short in its source`);
        write(chunk.subarray(0, n));
        done += n;
      }
    }
    if (offset > 0xffffffff) throw new Error(`${path} is larger than 4 GiB, which needs zip64`);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(CENTRAL, 0);
    c.writeUInt16LE(e.madeBy, 4);
    c.writeUInt16LE(e.needed, 6);
    c.writeUInt16LE(e.flags, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt16LE(e.time, 12);
    c.writeUInt16LE(e.date, 14);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.compressedSize, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(e.nameBytes.length, 28);
    c.writeUInt32LE(e.externalAttributes, 38);
    c.writeUInt32LE(localOffset, 42);
    central.push(c, e.nameBytes);
  }
  const cdOffset = offset;
  for (const b of central) write(b);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - cdOffset, 12);
  end.writeUInt32LE(cdOffset, 16);
  write(end);
  closeSync(fd);
  return offset;
}
