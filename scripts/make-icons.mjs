// Draws the add-in's icons (a shield with three rising bars) as PNGs at 16, 32, 64 and 80 px,
// so the manifest's icons are reproducible from the repo. Run: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size) {
  const navy = [0x1f, 0x3a, 0x68, 255];
  const white = [255, 255, 255, 255];
  const gold = [0xf2, 0xb7, 0x05, 255];
  const clear = [0, 0, 0, 0];
  const px = (x, y) => {
    // Coordinates in a unit square, y downwards.
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    // Shield: straight top half, then tapering to a point at the bottom.
    const half = v < 0.55 ? 0.42 : 0.42 * Math.max(0, (0.95 - v) / 0.4);
    const inShield = v > 0.06 && v < 0.95 && Math.abs(u - 0.5) <= half;
    if (!inShield) return clear;
    const bars = [
      [0.3, 0.62],
      [0.45, 0.5],
      [0.6, 0.36],
    ];
    for (const [left, top] of bars) {
      if (u >= left && u < left + 0.1 && v >= top && v < 0.74) return left === 0.6 ? gold : white;
    }
    return navy;
  };
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(px(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

mkdirSync(new URL("../assets/", import.meta.url), { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size));
console.log("assets/icon-{16,32,64,80}.png written");
