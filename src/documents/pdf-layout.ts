import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { create as createQrCode } from 'qrcode';

/**
 * Drawing helpers for the PDF records (trace requests and answers): an A4 PDF/A-2b document with
 * embedded DejaVu fonts, a tagged structure tree, key/value fields, ruled tables that repeat their
 * header row on each page, a vector QR code, and a header and footer on every page written once
 * the page count is known. See docs/decisions.md ("PDF records").
 */

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** Fonts are always selected by path: one path is one embedded font (a registered alias would be a second copy). */
export const FONT_REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
export const FONT_BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');
export const FONT_MONO = join(FONT_DIR, 'DejaVuSansMono.ttf');

const MARGINS = { top: 78, bottom: 64, left: 56, right: 56 };
const BODY_SIZE = 9.5;
const SMALL_SIZE = 8;
const LABEL_WIDTH = 160;
const LINE_GAP = 1.5;
const CELL_PADDING = 4;
const TEXT_COLOR = '#000000';
const MUTED_COLOR = '#444444';
const RULE_COLOR = '#777777';
const HEADER_FILL = '#e6e6e6';

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** Also the XMP CreateDate: with it fixed, the same input gives the same bytes. */
  creationDate: Date;
}

/** Printed in the margins of every page. */
export interface PageDecoration {
  /** Shown in capitals, first line of the header. */
  classification: string;
  /** Second line of the header (already readable labels). */
  restrictions: string;
  /** Left of the footer; "Page N of M" goes on the right. */
  footer: string;
}

export interface TableColumn {
  header: string;
  /** Relative width. */
  weight: number;
}

type Struct = PDFKit.PDFStructureElement;

/**
 * The XMP packet is written by pdfkit without escaping, and PDF/A requires it to agree with the
 * document information dictionary: the same text goes in both, so it is kept free of markup.
 */
function xmpSafe(text: string): string {
  return text.replace(/&/g, '+').replace(/[<>]/g, '').replace(/\p{Cc}/gu, ' ');
}

export class FormDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly root: Struct;
  private readonly done: Promise<Buffer>;
  private pagesAdded = 1;
  private style = { font: FONT_REGULAR, size: BODY_SIZE, color: TEXT_COLOR };

  constructor(meta: DocumentMeta) {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      tagged: true,
      lang: 'en',
      displayTitle: true,
      bufferPages: true,
      // pdfkit selects its default font when constructed; naming ours keeps Helvetica (a
      // non-embedded standard font, refused by PDF/A) out of the file altogether.
      font: FONT_REGULAR,
      info: {
        Title: xmpSafe(meta.title),
        Author: xmpSafe(meta.author),
        Subject: xmpSafe(meta.subject),
        Keywords: xmpSafe(meta.keywords),
        Creator: 'ITI Trace',
        CreationDate: meta.creationDate,
      },
    });
    this.doc = doc;
    const chunks: Uint8Array[] = [];
    this.done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.on('pageAdded', () => {
      this.pagesAdded += 1;
      // A new page starts with pdfkit's document font (ours: regular) and a black fill, also when
      // text flows over; the style in use goes on.
      doc.font(this.style.font).fontSize(this.style.size).fillColor(this.style.color);
    });
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    doc.fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
  }

  private get left(): number {
    return MARGINS.left;
  }

  private get width(): number {
    return this.doc.page.width - MARGINS.left - MARGINS.right;
  }

  private get bottom(): number {
    return this.doc.page.maxY();
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.continueOnNewPage();
    this.doc.x = this.left;
  }

  private setFont(font: string, size: number, color = TEXT_COLOR): void {
    this.style = { font, size, color };
    this.doc.font(font).fontSize(size).fillColor(color);
  }

  /** Draws decoration (lines, fills) outside the structure tree. */
  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  title(text: string, subtitle?: string): void {
    const { doc } = this;
    this.setFont(FONT_BOLD, 16);
    this.root.add(doc.struct('H1', {}, () => doc.text(text, this.left, doc.y, { width: this.width })));
    if (subtitle) {
      this.setFont(FONT_REGULAR, SMALL_SIZE + 0.5, MUTED_COLOR);
      doc.moveDown(0.2);
      this.root.add(doc.struct('P', {}, () => doc.text(subtitle, this.left, doc.y, { width: this.width, lineGap: LINE_GAP })));
    }
    doc.moveDown(0.6);
  }

  /** A heading, kept on one page with the next `keepWith` points (by default, three lines). */
  section(text: string, keepWith = 3 * (BODY_SIZE + 4)): void {
    const { doc } = this;
    this.setFont(FONT_BOLD, 11.5);
    this.ensureSpace(doc.currentLineHeight(true) * 1.5 + keepWith);
    doc.moveDown(0.5);
    this.root.add(doc.struct('H2', {}, () => doc.text(text, this.left, doc.y, { width: this.width })));
    const y = doc.y + 1.5;
    this.artifact(() => {
      doc.lineWidth(0.6).strokeColor(RULE_COLOR).moveTo(this.left, y).lineTo(this.left + this.width, y).stroke();
    });
    doc.y = y + 5;
  }

  /** A label and its value side by side; a long value wraps, and may go on to the next page. */
  field(label: string, value: string): void {
    const { doc } = this;
    this.setFont(FONT_BOLD, BODY_SIZE, MUTED_COLOR);
    const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH - 8, lineGap: LINE_GAP });
    this.setFont(FONT_REGULAR, BODY_SIZE);
    this.ensureSpace(Math.max(labelHeight, doc.currentLineHeight(true) + LINE_GAP));
    const top = doc.y;
    const page = this.pagesAdded;
    let labelBottom = top;
    this.root.add(
      doc.struct('P', {}, () => {
        this.setFont(FONT_BOLD, BODY_SIZE, MUTED_COLOR);
        doc.text(label, this.left, top, { width: LABEL_WIDTH - 8, lineGap: LINE_GAP });
        labelBottom = doc.y;
        this.setFont(FONT_REGULAR, BODY_SIZE);
        doc.text(value, this.left + LABEL_WIDTH, top, { width: this.width - LABEL_WIDTH, lineGap: LINE_GAP });
      }),
    );
    if (this.pagesAdded === page) doc.y = Math.max(doc.y, labelBottom);
    doc.x = this.left;
    doc.y += 2.5;
  }

  /** A label on its own line, kept with the first line of what follows. */
  caption(label: string): void {
    const { doc } = this;
    this.setFont(FONT_BOLD, BODY_SIZE, MUTED_COLOR);
    this.ensureSpace(2 * (doc.currentLineHeight(true) + LINE_GAP));
    this.root.add(doc.struct('P', {}, () => doc.text(label, this.left, doc.y, { width: this.width, lineGap: LINE_GAP })));
    doc.x = this.left;
    doc.y += 1.5;
  }

  /** A label on its own line, then full-width text (for long free text). */
  block(label: string, text: string): void {
    this.caption(label);
    this.paragraph(text);
  }

  paragraph(text: string, options: { font?: string; size?: number; color?: string } = {}): void {
    const { doc } = this;
    this.setFont(options.font ?? FONT_REGULAR, options.size ?? BODY_SIZE, options.color);
    this.ensureSpace(doc.currentLineHeight(true) + LINE_GAP);
    this.root.add(doc.struct('P', {}, () => doc.text(text, this.left, doc.y, { width: this.width, lineGap: LINE_GAP })));
    doc.x = this.left;
    doc.y += 3;
  }

  /** One line per item, indented under the previous label or paragraph. */
  list(items: string[]): void {
    const { doc } = this;
    this.setFont(FONT_REGULAR, BODY_SIZE);
    const list = doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      this.setFont(FONT_REGULAR, BODY_SIZE);
      this.ensureSpace(doc.currentLineHeight(true) + LINE_GAP);
      const top = doc.y;
      const entry = doc.struct('LI');
      list.add(entry);
      entry.add(doc.struct('Lbl', {}, () => doc.text('•', this.left + 8, top, { width: 10, lineGap: LINE_GAP })));
      entry.add(doc.struct('LBody', {}, () => doc.text(item, this.left + 20, top, { width: this.width - 20, lineGap: LINE_GAP })));
      entry.end();
      doc.x = this.left;
      doc.y += 1.5;
    }
    list.end();
    doc.y += 2;
  }

  /**
   * A ruled table. Rows never split; a row that does not fit starts a new page, where the header
   * row is drawn again (as a pagination artifact, so the structure tree has it once).
   */
  table(columns: TableColumn[], rows: string[][]): void {
    const { doc } = this;
    const total = columns.reduce((sum, column) => sum + column.weight, 0);
    const widths = columns.map((column) => (column.weight / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
    const headers = columns.map((column) => column.header);
    const maxRowHeight = this.bottom - MARGINS.top - this.rowHeight(headers, widths, true);

    const table = doc.struct('Table');
    this.root.add(table);
    doc.moveDown(0.2);
    const first = rows.length > 0 ? this.rowHeight(rows[0], widths, false) : 0;
    this.ensureSpace(this.rowHeight(headers, widths, true) + Math.min(first, maxRowHeight));
    this.row(headers, widths, xs, true, table);
    for (const cells of rows) {
      const height = this.rowHeight(cells, widths, false);
      if (doc.y + Math.min(height, maxRowHeight) > this.bottom) {
        doc.continueOnNewPage();
        this.row(headers, widths, xs, true, null);
      }
      this.row(cells, widths, xs, false, table, maxRowHeight);
    }
    table.end();
    doc.x = this.left;
    doc.y += 6;
  }

  private rowHeight(cells: string[], widths: number[], header: boolean): number {
    this.setFont(header ? FONT_BOLD : FONT_REGULAR, SMALL_SIZE + 0.5);
    const heights = cells.map((text, i) =>
      this.doc.heightOfString(text, { width: widths[i] - 2 * CELL_PADDING, lineGap: LINE_GAP }),
    );
    return Math.max(...heights) + 2 * CELL_PADDING;
  }

  private row(cells: string[], widths: number[], xs: number[], header: boolean, table: Struct | null, maxHeight = Infinity): void {
    const { doc } = this;
    const top = doc.y;
    const height = Math.min(this.rowHeight(cells, widths, header), maxHeight);
    const right = this.left + widths.reduce((sum, w) => sum + w, 0);
    if (header) {
      this.artifact(() => doc.rect(this.left, top, right - this.left, height).fill(HEADER_FILL));
    }
    const drawCell = (text: string, i: number) => {
      this.setFont(header ? FONT_BOLD : FONT_REGULAR, SMALL_SIZE + 0.5);
      doc.text(text, xs[i] + CELL_PADDING, top + CELL_PADDING, {
        width: widths[i] - 2 * CELL_PADDING,
        // Bounded: a cell never spills below its row nor adds a page (longer text ends in "…").
        height: height - 2 * CELL_PADDING + 1,
        ellipsis: true,
        lineGap: LINE_GAP,
      });
    };
    if (table) {
      const row = doc.struct('TR');
      table.add(row);
      cells.forEach((text, i) => row.add(doc.struct(header ? 'TH' : 'TD', {}, () => drawCell(text, i))));
      row.end();
    } else {
      doc.markContent('Artifact', { type: 'Pagination' });
      cells.forEach(drawCell);
      doc.endMarkedContent();
    }
    this.artifact(() => {
      doc.lineWidth(0.5).strokeColor(RULE_COLOR);
      doc.rect(this.left, top, right - this.left, height).stroke();
      for (const x of xs.slice(1)) doc.moveTo(x, top).lineTo(x, top + height).stroke();
    });
    doc.x = this.left;
    doc.y = top + height;
  }

  /**
   * One line of monospaced text, in the largest size up to `maxSize` that keeps it on one line (a
   * hash or a QR payload must not be cut, or it could not be copied or compared).
   */
  monoLine(text: string, maxSize = BODY_SIZE): void {
    const { doc } = this;
    doc.font(FONT_MONO).fontSize(10);
    const size = Math.max(5, Math.min(maxSize, (10 * this.width) / doc.widthOfString(text) - 0.05));
    this.paragraph(text, { font: FONT_MONO, size });
  }

  /**
   * A QR code drawn as vector rectangles from the `qrcode` module matrix (no raster image: sharp at
   * any zoom and nothing to decode for the PDF/A validator), with a 4-module quiet zone. Each run of
   * dark modules on a row is one rectangle.
   */
  qrCode(payload: string, size: number): void {
    const { doc } = this;
    const { modules } = createQrCode(payload, { errorCorrectionLevel: 'M' });
    const count = modules.size;
    const quiet = 4;
    const unit = size / (count + 2 * quiet);
    this.ensureSpace(size + 4);
    const x0 = this.left;
    const y0 = doc.y;
    this.root.add(
      doc.struct('Figure', { alt: `QR code encoding ${payload}` }, () => {
        doc.save();
        for (let row = 0; row < count; row++) {
          let col = 0;
          while (col < count) {
            if (!modules.data[row * count + col]) {
              col++;
              continue;
            }
            const start = col;
            while (col < count && modules.data[row * count + col]) col++;
            doc.rect(x0 + (quiet + start) * unit, y0 + (quiet + row) * unit, (col - start) * unit, unit);
          }
        }
        doc.fill('#000000');
        doc.restore();
      }),
    );
    doc.x = this.left;
    doc.y = y0 + size + 2;
  }

  /** Writes the header and footer on every page, ends the document and returns its bytes. */
  async finish(decoration: PageDecoration): Promise<Buffer> {
    const { doc } = this;
    this.root.end();
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const margins = page.margins;
      // Text written below the bottom margin would make pdfkit start a new page.
      page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      const width = page.width - MARGINS.left - MARGINS.right;

      doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
      doc.save();
      this.setFont(FONT_BOLD, 10.5);
      doc.text(decoration.classification.toUpperCase(), MARGINS.left, 22, { width, align: 'center', lineBreak: false });
      this.setFont(FONT_REGULAR, SMALL_SIZE, MUTED_COLOR);
      doc.text(decoration.restrictions, MARGINS.left, 37, { width, align: 'center', height: 22, ellipsis: true });
      doc.lineWidth(0.6).strokeColor(RULE_COLOR).moveTo(MARGINS.left, 62).lineTo(MARGINS.left + width, 62).stroke();
      doc.restore();
      doc.endMarkedContent();

      const footerY = page.height - MARGINS.bottom + 20;
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      doc.save();
      doc.lineWidth(0.6).strokeColor(RULE_COLOR).moveTo(MARGINS.left, footerY - 8).lineTo(MARGINS.left + width, footerY - 8).stroke();
      this.setFont(FONT_REGULAR, SMALL_SIZE, MUTED_COLOR);
      const pageLabel = `Page ${i - start + 1} of ${count}`;
      const labelWidth = doc.widthOfString(pageLabel) + 2;
      doc.text(decoration.footer, MARGINS.left, footerY, { width: width - labelWidth - 12, height: 12, ellipsis: true });
      doc.text(pageLabel, MARGINS.left + width - labelWidth, footerY, { width: labelWidth, align: 'right', lineBreak: false });
      doc.restore();
      doc.endMarkedContent();

      page.margins = margins;
    }
    doc.end();
    return this.done;
  }
}
