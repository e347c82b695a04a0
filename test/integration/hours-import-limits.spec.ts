import { randomUUID } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ImportBatchDocument } from '@inburgering/contracts';
import { uploadHours } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// Hole #6: a tiny hostile spreadsheet must not blow up the worker; it ends INVALID with the cap it broke.
// Building and unpacking the bombs is CPU work: on a loaded machine it takes longer than the default 60 s (nothing here is timed).
jest.setTimeout(180_000);

let platform: TestPlatform;
let provider: GraphqlSession;
let bombs: { honest: Buffer; lying: Buffer };

beforeAll(async () => {
  // Built before anything listens: deflating 110 MB blocks the event loop for seconds (idle keep-alive sockets would drop).
  const sheetXml = bloatedSheet();
  bombs = { honest: zip(workbookParts(sheetXml)), lying: zip(workbookParts(sheetXml, 1_000)) };
  platform = await startTestPlatform({ worker: true });
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  await platform.close();
});

/** The worker runs in this process: the highest resident memory seen while `work` runs, above what was in use before. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

async function importOutcome(filename: string, content: Uint8Array) {
  const upload = await uploadHours(platform.url, provider, filename, content, 'DRY_RUN', randomUUID());
  expect(upload.status).toBe(201);
  return waitFor(`import ${upload.body.id} klaar`, async () => {
    const { importBatch } = await provider.ok(ImportBatchDocument, { id: upload.body.id! });
    return ['QUEUED', 'RUNNING'].includes(importBatch.status) ? undefined : importBatch;
  }, 60_000);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip written by hand (deflate, no data descriptors); `declaredSize` lets an entry lie about its unpacked size. */
/** Deflate and CRC of a part, computed once per buffer (the bomb's sheet is used twice and is large). */
const packedParts = new WeakMap<Buffer, { packed: Buffer; crc: number }>();
function pack(data: Buffer): { packed: Buffer; crc: number } {
  let part = packedParts.get(data);
  if (!part) {
    part = { packed: deflateRawSync(data, { level: 9 }), crc: crc32(data) };
    packedParts.set(data, part);
  }
  return part;
}

function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { packed, crc } = pack(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10); local.writeUInt16LE(0x21, 12); local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10); central.writeUInt16LE(0, 12); central.writeUInt16LE(0x21, 14); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a one-sheet workbook around the given sheet XML. */
function workbookParts(sheetXml: Buffer, declaredSize?: number) {
  const text = (s: string) => Buffer.from(s, 'utf8');
  return [
    { name: '[Content_Types].xml', data: text('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: '_rels/.rels', data: text('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: text('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Uren" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: text('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, declaredSize },
  ];
}

/** A sheet whose XML unpacks to about 110 MB (whitespace) around one header row, just past the 100 MB cap. */
function bloatedSheet(): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>gemeente</t></is></c></row>', 'utf8');
  const tail = Buffer.from('</sheetData></worksheet>', 'utf8');
  return Buffer.concat([head, Buffer.alloc(110 * 1024 * 1024, 0x20), tail]);
}

describe('hours import limits', () => {
  it('refuses a 2,000-row XLSX with a value in the last column (XFD) as INVALID, naming the column cap, without the worker running out of memory', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Uren');
    sheet.addRow(['gemeente', 'klantnummer', 'datum', 'categorie', 'gepland', 'aanwezig', 'reden']);
    for (let row = 2; row <= 2_001; row++) sheet.getCell(row, 16_384).value = 'x';
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(xlsx.length).toBeLessThan(100 * 1024);

    const { result: batch, growthMb } = await peakGrowth(() => importOutcome('uren-xfd.xlsx', xlsx));
    expect(batch).toMatchObject({ status: 'INVALID', errorCount: 1 });
    expect(batch.errors).toEqual([{ row: 1, column: 'bestand', message: expect.stringContaining('hoogstens 50 kolommen') }]);
    expect(batch.errors[0].message).toContain('kolom XFD');
    expect(growthMb).toBeLessThan(400);
  });

  it('refuses a zip bomb whose sheet unpacks past the cap, also when the zip lies about the unpacked size', async () => {
    const { honest, lying } = bombs;
    expect(honest.length).toBeLessThan(1024 * 1024);

    for (const [name, file] of [['bom.xlsx', honest], ['liegende-bom.xlsx', lying]] as const) {
      const { result: batch, growthMb } = await peakGrowth(() => importOutcome(name, new Uint8Array(file)));
      expect(batch).toMatchObject({ status: 'INVALID', errorCount: 1 });
      expect(batch.errors).toEqual([{ row: 1, column: 'bestand', message: expect.stringContaining('uitgepakt groter dan 100 MB') }]);
      expect(growthMb).toBeLessThan(400);
    }
  });

  it('refuses a CSV with more rows than the cap, naming the cap', async () => {
    const csv = `gemeente;klantnummer;datum;categorie;gepland;aanwezig;reden\r\n${'GM0202;1;01-01-2026;taal;1;1;\r\n'.repeat(200_001)}`;
    const batch = await importOutcome('te-lang.csv', new TextEncoder().encode(csv));
    expect(batch).toMatchObject({ status: 'INVALID', errorCount: 1 });
    expect(batch.errors).toEqual([{ row: 1, column: 'bestand', message: expect.stringContaining('meer dan 200.000 rijen') }]);
  });
});
