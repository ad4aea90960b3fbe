import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Reading PDFs back the way a person or a bank's system would: Poppler's pdftotext (text in logical order, after
 * its own bidi pass) and pdftoppm + zbarimg (does the printed QR code scan?). Debian packages poppler-utils and
 * zbar-tools; .ci/run installs them. Without them the tests that need them are skipped with a message, except
 * in CI, where a missing tool is a failure.
 */

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

export const pdfToolsMissing = ['pdftotext', 'pdftoppm', 'zbarimg'].filter((tool) => !has(tool));
if (pdfToolsMissing.length > 0 && process.env.CI) {
  throw new Error(`CI needs ${pdfToolsMissing.join(', ')} (apt-get install poppler-utils zbar-tools)`);
}
if (pdfToolsMissing.length > 0) {
  process.stderr.write(`Skipping PDF reading tests: ${pdfToolsMissing.join(', ')} not installed\n`);
}

function withFile<T>(pdf: Buffer, use: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as pdftotext reads it (logical order), whitespace runs folded to one space per line. */
export function pdfText(pdf: Buffer): string[] {
  return withFile(pdf, (file) => {
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
    return result.stdout
      .split('\n')
      .map((line) =>
        line
          .replace(/[\u200e\u200f\u202a-\u202e]/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean);
  });
}

/** What the QR codes on the PDF's first page decode to, as a phone's scanner would read the printed page. */
export function scanQrCodes(pdf: Buffer, dpi = 150): string[] {
  return withFile(pdf, (file, dir) => {
    const render = spawnSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(dir, 'page'),
    ]);
    if (render.status !== 0) throw new Error(`pdftoppm failed: ${render.stderr}`);
    const page = fs.readdirSync(dir).find((name) => name.endsWith('.png'));
    const scan = spawnSync(
      'zbarimg',
      ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(dir, page ?? '')],
      {
        encoding: 'utf8',
      },
    );
    return scan.stdout.split('\n').filter(Boolean);
  });
}
