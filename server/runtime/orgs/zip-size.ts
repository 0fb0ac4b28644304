// How much a zip (an xlsx is one) says it unpacks to, read from its central directory without unpacking:
// a small file that claims gigabytes (a zip bomb) is refused before exceljs inflates anything.
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export interface ZipSize {
  entries: number;
  uncompressed: number;
}

/** null when the bytes are not a readable zip (or use zip64, which no spreadsheet of this size needs) */
export function zipSize(bytes: Buffer): ZipSize | null {
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  let p = cdOffset;
  let uncompressed = 0;
  for (let n = 0; n < entries; n += 1) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return null;
    const size = bytes.readUInt32LE(p + 24);
    if (size === 0xffffffff) return null;
    uncompressed += size;
    p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return { entries, uncompressed };
}
