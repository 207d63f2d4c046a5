/**
 * Helpers for generated files that must come out the same on every run: a seeded PRNG and an
 * .xlsx packer with fixed zip times (exceljs stamps every entry with the current time, which
 * would make every regeneration a spurious change in git).
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** mulberry32: a small, fast, seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The workbook's bytes, re-packed in name order with every zip entry dated `time`. */
export async function repeatableXlsx(workbook: ExcelJS.Workbook, time: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (!entry || entry.dir) continue;
    fixed.file(name, await entry.async('nodebuffer'), { date: time, createFolders: false });
  }
  return fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
