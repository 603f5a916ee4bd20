/**
 * Printable stamp layouts, in millimetres. The A4 sheets match the common die-cut label stock sold in
 * Vietnam (65-up 38.1×21.2 mm as Avery/Tomy L7651, 40-up 48.5×25.4 mm without gaps); the roll is one
 * 50×30 mm label per page for thermal label printers.
 */
export type LabelLayoutId = 'a4-65' | 'a4-40' | 'roll-50x30';

export interface LabelLayout {
  id: LabelLayoutId;
  pageWidthMm: number;
  pageHeightMm: number;
  columns: number;
  rows: number;
  labelWidthMm: number;
  labelHeightMm: number;
  marginLeftMm: number;
  marginTopMm: number;
  /** Distance between the left edges (resp. top edges) of neighbouring labels. */
  pitchXMm: number;
  pitchYMm: number;
  /** Side of the QR symbol itself, without its quiet zone; at least 15 mm as the issue requires. */
  qrMm: number;
  fontPt: { name: number; meta: number; tagline: number };
}

export const LABEL_LAYOUTS: Record<LabelLayoutId, LabelLayout> = {
  'a4-65': {
    id: 'a4-65',
    pageWidthMm: 210,
    pageHeightMm: 297,
    columns: 5,
    rows: 13,
    labelWidthMm: 38.1,
    labelHeightMm: 21.2,
    marginLeftMm: 4.75,
    marginTopMm: 10.7,
    pitchXMm: 40.6,
    pitchYMm: 21.2,
    qrMm: 16,
    fontPt: { name: 5.5, meta: 5, tagline: 4.2 },
  },
  'a4-40': {
    id: 'a4-40',
    pageWidthMm: 210,
    pageHeightMm: 297,
    columns: 4,
    rows: 10,
    labelWidthMm: 48.5,
    labelHeightMm: 25.4,
    marginLeftMm: 8,
    marginTopMm: 21.5,
    pitchXMm: 48.5,
    pitchYMm: 25.4,
    qrMm: 19,
    fontPt: { name: 6.5, meta: 6, tagline: 5 },
  },
  'roll-50x30': {
    id: 'roll-50x30',
    pageWidthMm: 50,
    pageHeightMm: 30,
    columns: 1,
    rows: 1,
    labelWidthMm: 50,
    labelHeightMm: 30,
    marginLeftMm: 0,
    marginTopMm: 0,
    pitchXMm: 50,
    pitchYMm: 30,
    qrMm: 22,
    fontPt: { name: 7, meta: 6.5, tagline: 5.5 },
  },
};

export const isLabelLayoutId = (value: string): value is LabelLayoutId =>
  Object.hasOwn(LABEL_LAYOUTS, value);

export const labelsPerPage = (layout: LabelLayout) => layout.columns * layout.rows;

export interface RectMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The label cell for the n-th label of a page, filled left to right, then top to bottom. */
export function labelCellMm(layout: LabelLayout, indexOnPage: number): RectMm {
  if (!Number.isInteger(indexOnPage) || indexOnPage < 0 || indexOnPage >= labelsPerPage(layout)) {
    throw new RangeError(`label index ${indexOnPage} is outside a ${layout.id} page`);
  }
  const column = indexOnPage % layout.columns;
  const row = Math.floor(indexOnPage / layout.columns);
  return {
    x: layout.marginLeftMm + column * layout.pitchXMm,
    y: layout.marginTopMm + row * layout.pitchYMm,
    width: layout.labelWidthMm,
    height: layout.labelHeightMm,
  };
}
