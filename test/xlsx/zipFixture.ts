/**
 * Hand-made zip files for reader tests: stored (uncompressed) parts with real CRC-32s, so a test
 * can put exactly the XML it wants into a workbook, including shapes ExcelJS itself never writes.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of stored parts: name -> text (or a list of names for empty parts). */
export function storedZip(parts: Record<string, string> | string[]): Uint8Array {
  const entries: [string, string][] = Array.isArray(parts)
    ? parts.map((n) => [n, ""])
    : Object.entries(parts);
  const enc = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) =>
    a.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  for (const [name, text] of entries) {
    const n = Array.from(enc.encode(name));
    const data = enc.encode(text);
    const crc = crc32(data);
    const offset = locals.length;
    // Local header: version, flags, method 0 (stored), time, date, crc, sizes, name length.
    u32(locals, 0x04034b50);
    [20, 0, 0, 0, 0].forEach((v) => u16(locals, v));
    [crc, data.length, data.length].forEach((v) => u32(locals, v));
    u16(locals, n.length);
    u16(locals, 0);
    locals.push(...n, ...data);
    u32(central, 0x02014b50);
    [20, 20, 0, 0, 0, 0].forEach((v) => u16(central, v));
    [crc, data.length, data.length].forEach((v) => u32(central, v));
    [n.length, 0, 0, 0, 0].forEach((v) => u16(central, v));
    u32(central, 0);
    u32(central, offset);
    central.push(...n);
  }
  const end: number[] = [];
  u32(end, 0x06054b50);
  [0, 0, entries.length, entries.length].forEach((v) => u16(end, v));
  u32(end, central.length);
  u32(end, locals.length);
  u16(end, 0);
  return new Uint8Array([...locals, ...central, ...end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The smallest .xlsx Excel opens: one sheet "Sheet1" whose <sheetData> is given. With
 * absoluteNames, the relationships name their parts from the package root ("/xl/workbook.xml"),
 * as openpyxl writes them.
 */
export function minimalXlsx(
  sheetData: string,
  options: { absoluteNames?: boolean } = {}
): Uint8Array {
  const root = options.absoluteNames ? "/" : "";
  return storedZip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${root}xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${root ? "/xl/" : ""}worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
  });
}
