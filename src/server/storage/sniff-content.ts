import { sha256Hex } from './blob-store.js';

/** The document formats a case file may hold. */
export type DocumentType = 'pdf' | 'jpeg' | 'png';

/** What the first bytes say a file is; the non-document kinds are recognised only to be refused by name. */
export type DetectedType = DocumentType | 'html' | 'svg' | 'executable' | 'zip' | 'gif' | 'webp';

/** The MIME type and file extension each document format is stored and served with. */
export const DOCUMENT_TYPES: Record<DocumentType, { contentType: string; extension: string }> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
};

const SIGNATURES: [DetectedType, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['executable', [0x4d, 0x5a]], // MZ: Windows PE
  ['executable', [0x7f, 0x45, 0x4c, 0x46]], // ELF
  ['executable', [0xcf, 0xfa, 0xed, 0xfe]], // Mach-O 64
  ['executable', [0xce, 0xfa, 0xed, 0xfe]], // Mach-O 32
  ['executable', [0xca, 0xfe, 0xba, 0xbe]], // Mach-O universal, Java class
  ['executable', [0x23, 0x21]], // #! script
  ['zip', [0x50, 0x4b, 0x03, 0x04]], // also docx, jar, apk
  ['gif', [0x47, 0x49, 0x46, 0x38]],
];

function startsWith(bytes: Buffer, signature: number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** The real type of some bytes from their first bytes, whatever the file is called; null when unknown. */
export function sniffContent(bytes: Buffer): DetectedType | null {
  for (const [type, signature] of SIGNATURES) if (startsWith(bytes, signature)) return type;
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'webp';
  }
  // Markup is refused as a whole: a browser may run script in any HTML, XML or SVG it is handed.
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<')) return head.includes('<svg') ? 'svg' : 'html';
  return null;
}

/** What an upload must be. */
export interface UploadRules {
  bytes: Buffer;
  /** The name the citizen's device gave the file; used only for the display name, never for the type. */
  declaredName?: string;
  accept: readonly DocumentType[];
  maxBytes: number;
}

/** Why an upload was refused. */
export type UploadRefusal = 'empty' | 'too_large' | 'type_not_allowed' | 'unknown_type';

/** An upload that passed, with its type as detected from its content. */
export interface AcceptedUpload {
  ok: true;
  type: DocumentType;
  contentType: string;
  extension: string;
  sha256: string;
  size: number;
  /** The declared name cleaned for display and downloads, with the extension of the real type. */
  fileName: string;
}

/** Checks an upload's size and its real type (from its content) against what the slot accepts. */
export function checkUpload(
  rules: UploadRules,
): AcceptedUpload | { ok: false; rule: UploadRefusal; detected?: DetectedType } {
  const { bytes, accept, maxBytes } = rules;
  if (bytes.length === 0) return { ok: false, rule: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, rule: 'too_large' };
  const detected = sniffContent(bytes);
  if (!detected) return { ok: false, rule: 'unknown_type' };
  if (!(accept as readonly string[]).includes(detected))
    return { ok: false, rule: 'type_not_allowed', detected };
  const type = detected as DocumentType;
  const { contentType, extension } = DOCUMENT_TYPES[type];
  return {
    ok: true,
    type,
    contentType,
    extension,
    sha256: sha256Hex(bytes),
    size: bytes.length,
    fileName: displayName(rules.declaredName, extension),
  };
}

/** A file name safe to show and to put in Content-Disposition: no path, no control or quoting characters. */
export function displayName(declared: string | undefined, extension: string): string {
  const base = (declared ?? '')
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f"*:<>?|]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/^[.\s]+|\s+$/g, '');
  const short = Array.from(base).slice(0, 100).join('').trimEnd();
  return `${short || 'document'}.${extension}`;
}
