import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkUpload, displayName, sniffContent } from './sniff-content.js';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(24, 1),
]);
const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(20),
]);
const windowsExe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0x90)]);
const all = ['pdf', 'jpeg', 'png'] as const;
const images = ['jpeg', 'png'] as const;

describe('content sniffing', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffContent(pdf)).toBe('pdf');
    expect(sniffContent(png)).toBe('png');
    expect(sniffContent(jpeg)).toBe('jpeg');
  });

  it('accepts each document type with the type, extension and hash of its content', () => {
    for (const [bytes, type, contentType, extension] of [
      [pdf, 'pdf', 'application/pdf', 'pdf'],
      [png, 'png', 'image/png', 'png'],
      [jpeg, 'jpeg', 'image/jpeg', 'jpg'],
    ] as const) {
      expect(checkUpload({ bytes, declaredName: 'file', accept: all, maxBytes: 1000 })).toEqual({
        ok: true,
        type,
        contentType,
        extension,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
        fileName: `file.${extension}`,
      });
    }
  });

  it('goes by the content, not the name: a PDF renamed .png is a PDF', () => {
    expect(checkUpload({ bytes: pdf, declaredName: 'deed.png', accept: images, maxBytes: 1000 })).toEqual({
      ok: false,
      rule: 'type_not_allowed',
      detected: 'pdf',
    });
    expect(checkUpload({ bytes: pdf, declaredName: 'deed.png', accept: all, maxBytes: 1000 })).toMatchObject({
      ok: true,
      contentType: 'application/pdf',
      fileName: 'deed.pdf',
    });
  });

  it('refuses executables whatever they are called', () => {
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    for (const bytes of [windowsExe, elf, Buffer.from('#!/bin/sh\nrm -rf /\n')]) {
      expect(checkUpload({ bytes, declaredName: 'plan.pdf', accept: all, maxBytes: 1000 })).toEqual({
        ok: false,
        rule: 'type_not_allowed',
        detected: 'executable',
      });
    }
  });

  it('refuses HTML and SVG, which a browser could run script from', () => {
    const html = Buffer.from('\uFEFF  <!DOCTYPE html><html><script>alert(1)</script></html>');
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');
    expect(checkUpload({ bytes: html, declaredName: 'id.jpg', accept: all, maxBytes: 1000 })).toEqual({
      ok: false,
      rule: 'type_not_allowed',
      detected: 'html',
    });
    expect(checkUpload({ bytes: svg, declaredName: 'plan.png', accept: all, maxBytes: 1000 })).toEqual({
      ok: false,
      rule: 'type_not_allowed',
      detected: 'svg',
    });
  });

  it('refuses archives, other images, unknown bytes and empty files', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00');
    expect(checkUpload({ bytes: zip, accept: all, maxBytes: 100 })).toMatchObject({ detected: 'zip' });
    expect(checkUpload({ bytes: gif, accept: all, maxBytes: 100 })).toMatchObject({ detected: 'gif' });
    expect(checkUpload({ bytes: Buffer.from('just some text'), accept: all, maxBytes: 100 })).toEqual({
      ok: false,
      rule: 'unknown_type',
    });
    expect(checkUpload({ bytes: Buffer.from('%PD'), accept: all, maxBytes: 100 })).toEqual({
      ok: false,
      rule: 'unknown_type',
    });
    expect(
      checkUpload({ bytes: Buffer.alloc(0), declaredName: 'a.pdf', accept: all, maxBytes: 100 }),
    ).toEqual({
      ok: false,
      rule: 'empty',
    });
  });

  it('accepts exactly maxBytes and refuses one byte more', () => {
    const atLimit = Buffer.concat([pdf, Buffer.alloc(100 - pdf.length, 0x20)]);
    expect(checkUpload({ bytes: atLimit, accept: all, maxBytes: 100 })).toMatchObject({
      ok: true,
      size: 100,
    });
    const over = Buffer.concat([atLimit, Buffer.from(' ')]);
    expect(checkUpload({ bytes: over, accept: all, maxBytes: 100 })).toEqual({
      ok: false,
      rule: 'too_large',
    });
  });

  it('cleans the declared name for display', () => {
    expect(displayName('C:\\Users\\x\\سند ملک.PNG', 'pdf')).toBe('سند ملک.pdf');
    expect(displayName('../../etc/"passwd"\r\n', 'png')).toBe('passwd.png');
    expect(displayName('.htaccess', 'jpg')).toBe('htaccess.jpg');
    expect(displayName('...', 'jpg')).toBe('document.jpg');
    expect(displayName(undefined, 'pdf')).toBe('document.pdf');
  });
});
