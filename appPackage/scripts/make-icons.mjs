// Draws the Teams app icons with Node built-ins only: `node appPackage/scripts/make-icons.mjs`.
// color.png (192x192, full colour) and outline.png (32x32, white on transparent) are committed; rerun
// this after changing the drawing. The output is byte-for-byte deterministic.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x0f, 0x5a, 0x8a]; // also the manifest's accentColor, #0F5A8A
const WHITE = [0xff, 0xff, 0xff];
const INK = [0x0d, 0x2f, 0x4a];
// The four quarters of the year, the vuosikello's seasons of conversations.
const QUARTERS = [
  [0x2a, 0xa0, 0xa4],
  [0xf2, 0xb1, 0x34],
  [0x8e, 0x5b, 0xb5],
  [0xc2, 0x39, 0x6b],
];
const SUBSAMPLES = 4; // 4x4 samples per pixel: smooth edges without a graphics library

// ---- geometry: each shape answers whether a point is inside it -------------------------------------

/** Angle clockwise from twelve o'clock, in degrees 0..360, as on a clock face. */
function clockAngle(dx, dy) {
  const degrees = (Math.atan2(dx, -dy) * 180) / Math.PI;
  return degrees < 0 ? degrees + 360 : degrees;
}

const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const ringSector = (cx, cy, inner, outer, fromDeg, toDeg) => (x, y) => {
  const d2 = (x - cx) ** 2 + (y - cy) ** 2;
  if (d2 < inner * inner || d2 > outer * outer) return false;
  const angle = clockAngle(x - cx, y - cy);
  return angle >= fromDeg && angle <= toDeg;
};

/** A stroke with round ends from (x0, y0) to (x1, y1). */
const stroke = (x0, y0, x1, y1, width) => (x, y) => {
  const vx = x1 - x0;
  const vy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * vx + (y - y0) * vy) / (vx * vx + vy * vy)));
  return (x - (x0 + t * vx)) ** 2 + (y - (y0 + t * vy)) ** 2 <= (width / 2) ** 2;
};

/** A clock hand from the centre, pointing at `degrees` clockwise from twelve. */
function hand(cx, cy, degrees, length, width) {
  const radians = (degrees * Math.PI) / 180;
  return stroke(cx, cy, cx + Math.sin(radians) * length, cy - Math.cos(radians) * length, width);
}

// ---- rasterising ----------------------------------------------------------------------------------

/** Paints layers (later ones on top) into RGBA bytes, averaging sub-samples for anti-aliasing. */
function rasterise(size, layers, background) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = px + (sx + 0.5) / SUBSAMPLES;
          const y = py + (sy + 0.5) / SUBSAMPLES;
          let colour = background;
          for (const [inside, layerColour] of layers) if (inside(x, y)) colour = layerColour;
          if (colour) {
            for (let c = 0; c < 3; c++) sum[c] += colour[c];
            sum[3] += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      const covered = sum[3];
      // Colour is averaged over covered samples only, so edges fade in alpha, not towards black.
      for (let c = 0; c < 3; c++) pixels[offset + c] = covered ? Math.round(sum[c] / covered) : 0;
      pixels[offset + 3] = Math.round((covered / SUBSAMPLES ** 2) * 255);
    }
  }
  return pixels;
}

// ---- PNG encoding ---------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** 8-bit PNG, RGB (`withAlpha` false) or RGBA, filter 0 on every row. */
function encodePng(size, rgba, withAlpha) {
  const channels = withAlpha ? 4 : 3;
  const raw = Buffer.alloc(size * (size * channels + 1));
  for (let y = 0; y < size; y++) {
    const rowStart = y * (size * channels + 1);
    raw[rowStart] = 0;
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < channels; c++) {
        raw[rowStart + 1 + x * channels + c] = rgba[(y * size + x) * 4 + c];
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = withAlpha ? 6 : 2; // colour type: RGBA or RGB
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- the two icons --------------------------------------------------------------------------------

/** 192x192 full colour: a clock face ringed by the year's four quarters on the accent colour. */
export function colorIcon() {
  const size = 192;
  const c = size / 2;
  const gap = 4; // degrees between quarters
  const layers = [
    [disc(c, c, 66), WHITE],
    ...QUARTERS.map((colour, q) => [
      ringSector(c, c, 52, 66, q * 90 + gap / 2, (q + 1) * 90 - gap / 2),
      colour,
    ]),
    [hand(c, c, 0, 38, 8), INK],
    [hand(c, c, 300, 26, 8), INK],
    [disc(c, c, 7), INK],
  ];
  // Full colour icons have no transparency: the accent fills the square.
  return encodePng(size, rasterise(size, layers, ACCENT), false);
}

/** 32x32 outline: the same clock in white only, on transparent. */
export function outlineIcon() {
  const size = 32;
  const c = size / 2;
  const ring = (x, y) => disc(c, c, 14)(x, y) && !disc(c, c, 11.5)(x, y);
  const layers = [
    [ring, WHITE],
    [hand(c, c, 0, 8, 2.2), WHITE],
    [hand(c, c, 300, 5.5, 2.2), WHITE],
    [disc(c, c, 2), WHITE],
  ];
  return encodePng(size, rasterise(size, layers, null), true);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const appPackage = join(dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(join(appPackage, 'color.png'), colorIcon());
  writeFileSync(join(appPackage, 'outline.png'), outlineIcon());
  process.stdout.write(`Wrote color.png and outline.png to ${appPackage}\n`);
}
