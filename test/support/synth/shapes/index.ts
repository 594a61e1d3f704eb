/**
 * How a file lays out its tables (DOMAIN.md "What the text looks like in the wild").
 * One shape per file, so the ground truth can say which shape a parser failed on.
 */
import type { Rng } from '../random';
import type { TableModel } from '../tables';
import { renderCellPerLine, renderMarkdownRows, renderTabRows } from './grid';
import { type PageCounter, renderPdfText } from './pdf';

export const TABLE_SHAPES = ['cells', 'tabs', 'markdown', 'pdf', 'images'] as const;
export type TableShape = (typeof TABLE_SHAPES)[number];

export const DEFAULT_SHAPE_WEIGHTS: Record<TableShape, number> = {
  cells: 25,
  tabs: 25,
  markdown: 15,
  pdf: 20,
  images: 15,
};

/** The mark a Word-to-text converter leaves where a table was pasted as a picture. */
const IMAGE_MARK = '[image: 表格]';

export interface RenderContext {
  rng: Rng;
  pages: PageCounter;
  /** Chance of a "- N -" page number inside a tab-separated table (PDF text always may have one). */
  tabPageBreaks: number;
}

export function renderTable(shape: TableShape, model: TableModel, ctx: RenderContext): string[] {
  switch (shape) {
    case 'cells':
      return renderCellPerLine(model);
    case 'tabs': {
      const lines = renderTabRows(model);
      if (model.id === 't3' && ctx.rng.chance(ctx.tabPageBreaks)) {
        ctx.pages.page += 1;
        lines.splice(ctx.rng.int(5, lines.length - 2), 0, `- ${ctx.pages.page} -`);
      }
      return lines;
    }
    case 'markdown':
      return renderMarkdownRows(model);
    case 'pdf':
      return renderPdfText(ctx.rng, model, ctx.pages);
    case 'images':
      return [IMAGE_MARK];
  }
}
