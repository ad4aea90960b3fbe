/** The languages a document is set in: Persian right to left, English and Vietnamese left to right. */
export type DocumentLang = 'fa' | 'en' | 'vi';

/**
 * A piece of text. A plain string follows the document's digit rule (Persian digits in Persian documents, except
 * in tokens with Latin letters); `{ text, keepDigits: true }` prints it exactly as given (identifiers, URLs).
 */
export type Inline = string | { text: string; keepDigits?: boolean; bold?: boolean };

export interface LabelledRow {
  label: Inline;
  value: Inline;
}

export interface TableColumn {
  title: Inline;
  /** Relative width (default 1). */
  width?: number;
}

export type Block =
  | { kind: 'heading'; text: Inline }
  | { kind: 'rows'; rows: LabelledRow[] }
  | { kind: 'table'; columns: TableColumn[]; rows: Inline[][] }
  | { kind: 'paragraph'; text: Inline; tone?: 'normal' | 'muted' | 'strong' }
  /** A boxed statement, e.g. a certificate's outcome. */
  | { kind: 'notice'; text: Inline; tone?: 'positive' | 'warning' | 'negative' }
  /**
   * A QR code (error correction level M) at the end side (left in Persian), an optional caption under it, and
   * optional text beside it on the start side.
   */
  | { kind: 'qr'; data: string; caption?: Inline; size?: number; beside?: Inline }
  | { kind: 'spacer'; height?: number };

export interface DocumentSpec {
  lang: DocumentLang;
  title: string;
  /** A line above the title, e.g. the issuing municipality. */
  issuer?: Inline;
  blocks: Block[];
  /** Small print at the bottom of every page. */
  footer?: Inline;
  /** Written into the PDF's information dictionary. */
  info?: { subject?: string; keywords?: string; author?: string };
}
