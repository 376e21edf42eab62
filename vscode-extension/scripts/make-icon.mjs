// Draws media/icon.png, the Marketplace icon (128×128): a database cylinder on a rounded square,
// with three linked nodes of a lineage graph beside it. Shapes are tested per pixel on a 4×4
// grid of samples (anti-aliased) and written as an RGBA PNG with node:zlib. Run it again after a change:
// node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 128;
const BACK = [14, 90, 110];
const WHITE = [245, 248, 250];
const ACCENT = [255, 176, 59];

const inRoundedSquare = (x, y) => {
  const r = 22;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const nearSegment = (x, y, ax, ay, bx, by, w) => {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= w * w;
};

/** The colour at a point, or undefined outside the icon. */
function colour(x, y) {
  if (!inRoundedSquare(x, y)) return undefined;
  // the cylinder: a body with two bands, its top ellipse in the background colour's shade
  const cx = 50;
  const rx = 28;
  const top = 30;
  const bottom = 96;
  const ry = 9;
  const inBody = x >= cx - rx && x <= cx + rx && y >= top && y <= bottom;
  const inBottom = inEllipse(x, y, cx, bottom, rx, ry);
  if (inEllipse(x, y, cx, top, rx, ry))
    return inEllipse(x, y, cx, top, rx - 4, ry - 3) ? [200, 225, 232] : WHITE;
  for (const band of [52, 74])
    if (
      inBody &&
      y > band - 2 &&
      inEllipse(x, y, cx, band, rx + 1, ry) &&
      !inEllipse(x, y, cx, band - 3, rx + 1, ry)
    )
      return BACK;
  if (inBody || inBottom) return WHITE;
  // the lineage: two parents joined to one child, the child in the accent colour
  const nodes = [
    [90, 34],
    [90, 94],
    [106, 64],
  ];
  if (nearSegment(x, y, ...nodes[0], ...nodes[2], 2.2) || nearSegment(x, y, ...nodes[1], ...nodes[2], 2.2))
    return WHITE;
  if (nearSegment(x, y, 78, 64, 106, 64, 2.2)) return WHITE;
  if (inCircle(x, y, ...nodes[2], 9)) return ACCENT;
  if (inCircle(x, y, ...nodes[0], 8) || inCircle(x, y, ...nodes[1], 8)) return WHITE;
  return BACK;
}

function png(width, height, rgba) {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const chunk = (type, data) => {
    const b = Buffer.alloc(12 + data.length);
    b.writeUInt32BE(data.length, 0);
    b.write(type, 4, 'latin1');
    data.copy(b, 8);
    b.writeUInt32BE(crc32(b.subarray(4, 8 + data.length)), 8 + data.length);
    return b;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
const N = 4;
for (let y = 0; y < SIZE; y++)
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++) {
        const c = colour(x + (i + 0.5) / N, y + (j + 0.5) / N);
        if (!c) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 255;
      }
    const covered = sum[3] / 255;
    const o = (y * SIZE + x) * 4;
    if (covered) for (let k = 0; k < 3; k++) rgba[o + k] = Math.round(sum[k] / covered);
    rgba[o + 3] = Math.round(sum[3] / (N * N));
  }
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');
writeFileSync(out, png(SIZE, SIZE, rgba));
console.log(`make-icon: ${out}`);
