import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ImportLimitError, importLimitMessages, MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from './import-limits';

const CENTRAL_DIRECTORY_SIGNATURE = 0x02014b50;
/** General purpose flag bit 3: sizes and CRC follow the data in a data descriptor. */
const HAS_DATA_DESCRIPTOR = 0x08;
/** A data descriptor is 12 or 16 bytes (with or without signature), 20 or 24 in zip64. */
const DESCRIPTOR_LENGTHS = [0, 12, 16, 20, 24];

/** The zip is damaged or built to mislead; the worker reports it as unreadable. */
export class UnreadableXlsxError extends Error {
  override readonly name = 'UnreadableXlsxError';
}

/**
 * Checks an XLSX's zip before anything parses it: at most MAX_XLSX_ENTRIES parts, and every part inflated here with the
 * total counted while inflating (a part's declared size can lie), stopping as soon as MAX_XLSX_UNPACKED_BYTES is passed.
 * The parts must also tile the file from its first byte up to the central directory, so a streaming reader that walks
 * the local headers (exceljs) sees exactly the parts that were counted here, and nothing hidden between them.
 */
export async function checkXlsxContainer(content: Buffer): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false, decodeStrings: true });
  } catch (err) {
    throw new UnreadableXlsxError(String(err));
  }
  try {
    if (zip.entryCount > MAX_XLSX_ENTRIES) throw new ImportLimitError(importLimitMessages.entries());
    const entries: Entry[] = [];
    let unpacked = 0;
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      if (entries.length > MAX_XLSX_ENTRIES) throw new ImportLimitError(importLimitMessages.entries());
      if (unpacked + entry.uncompressedSize > MAX_XLSX_UNPACKED_BYTES) throw new ImportLimitError(importLimitMessages.unpacked());
      if (entry.fileName.endsWith('/')) continue;
      const actual = await inflatedSize(zip, entry, MAX_XLSX_UNPACKED_BYTES - unpacked);
      if (actual !== entry.uncompressedSize) throw new UnreadableXlsxError(`${entry.fileName}: ${actual} bytes, declared ${entry.uncompressedSize}`);
      unpacked += actual;
    }
    await checkTiling(zip, content, entries);
  } catch (err) {
    if (err instanceof ImportLimitError || err instanceof UnreadableXlsxError) throw err;
    throw new UnreadableXlsxError(String(err));
  } finally {
    zip.close();
  }
}

/** Inflates one part, counting bytes and keeping none; past `budget` it stops at once. */
async function inflatedSize(zip: ZipFile, entry: Entry, budget: number): Promise<number> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > budget) throw new ImportLimitError(importLimitMessages.unpacked());
    }
  } finally {
    stream.destroy();
  }
  return size;
}

/** Local header, data and optional descriptor of each part follow each other without gaps, ending at the central directory. */
async function checkTiling(zip: ZipFile, content: Buffer, entries: Entry[]): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let allowed = [0];
  for (const entry of ordered) {
    if (!allowed.includes(entry.relativeOffsetOfLocalHeader)) throw new UnreadableXlsxError(`gap before ${entry.fileName}`);
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    const end = fileDataStart + entry.compressedSize;
    allowed = entry.generalPurposeBitFlag & HAS_DATA_DESCRIPTOR ? DESCRIPTOR_LENGTHS.map((n) => end + n) : [end];
  }
  const centralDirectory = allowed.find((offset) => offset + 4 <= content.length && content.readUInt32LE(offset) === CENTRAL_DIRECTORY_SIGNATURE);
  if (ordered.length > 0 && centralDirectory === undefined) throw new UnreadableXlsxError('data after the last part');
}
