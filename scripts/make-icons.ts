/**
 * Draws the add-in icons (a gold five-pointed star on a rounded blue square)
 * into assets/icon-<size>.png. Pure Node so the icons can be regenerated
 * anywhere without an image library: shapes are sampled on a sub-pixel grid
 * for anti-aliasing and the PNG is encoded by hand.
 *
 *   npx ts-node --transpile-only scripts/make-icons.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
/** Samples per pixel along each axis; 8×8 keeps 16 px edges smooth. */
const SUPERSAMPLE = 8;

type Rgb = readonly [number, number, number];
const BLUE_TOP: Rgb = [0x2b, 0x6c, 0xc4];
const BLUE_BOTTOM: Rgb = [0x1a, 0x4a, 0x8f];
const GOLD: Rgb = [0xf7, 0xc2, 0x2a];

interface Point {
  x: number;
  y: number;
}

/** Vertices of a star pointing up, in unit coordinates (the canvas is 0..1). */
function starPolygon(cx: number, cy: number, outer: number): Point[] {
  // Inner/outer radius ratio of a regular pentagram, so the arms' edges are collinear.
  const inner = outer * (Math.sin(Math.PI / 10) / Math.sin((3 * Math.PI) / 10));
  const points: Point[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push({ x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) });
  }
  return points;
}

/** Even-odd crossing test; the star is concave, so convexity tricks do not apply. */
function insidePolygon(p: Point, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as Point;
    const b = poly[j] as Point;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

function insideRoundedSquare(p: Point, margin: number, radius: number): boolean {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const dx = Math.max(lo - p.x, 0, p.x - hi);
  const dy = Math.max(lo - p.y, 0, p.y - hi);
  return dx * dx + dy * dy <= radius * radius;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/**
 * Renders straight (non-premultiplied) RGBA. Colour is averaged over the covered
 * samples only and alpha is the coverage, so anti-aliased edges fade out
 * instead of darkening towards the transparent background.
 */
function render(size: number): Buffer {
  // The star sits a little low: a pentagram's visual centre is below its circumcentre.
  const star = starPolygon(0.5, 0.53, 0.36);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const p = { x: (px + (sx + 0.5) / SUPERSAMPLE) / size, y: (py + (sy + 0.5) / SUPERSAMPLE) / size };
          if (!insideRoundedSquare(p, 0.03, 0.2)) continue;
          const colour = insidePolygon(p, star) ? GOLD : mix(BLUE_TOP, BLUE_BOTTOM, p.y);
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / n);
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  // bytes 10-12 stay 0: deflate, adaptive filtering, no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    // Filter type 0 (None) per row; the images are tiny, so better filters buy nothing.
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
