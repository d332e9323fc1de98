/**
 * The account a reader returns beside its table: every row it set aside or flagged and every
 * cell it changed, with the reason. Readers never drop or change data silently.
 *
 * Invariant (checked by {@link ReadAccount.check}): `inputRows === keptRows + setAside.length`.
 */

/** Why a cell's value differs from the text in the file. */
export type CellChangeReason =
  | "missing-code" // a missing-value code (empty, NA, -999, ...) became NaN
  | "below-detection" // a below-detection marker (<0.05, ND) became a number or NaN by the chosen policy
  | "not-detected-zero" // an instrument's 0.0 meaning "not detected" (kept as 0, reported)
  | "not-analysed" // an empty cell meaning "not in the analysis method" became NaN
  | "whitespace-trimmed" // a text cell's leading/trailing white space was removed (`text` holds what was kept)
  | "compass-direction" // a 16-point compass name (NNE, 北北東) or code became degrees clockwise from north
  | "calm" // a calm marker (CALM, 静穏, code 0) became no direction (NaN, or the calmDirection option) and a calm flag
  | "hour-24"; // a local hour label 24 (end of the day) became 00 of the next day

export interface CellChange {
  /** 1-based row of the file. */
  row: number;
  /** Column name in the table (normalised). */
  column: string;
  /** The text in the file. */
  original: string;
  /** The value put in the table (NaN for missing, and for text cells). */
  value: number;
  /** The text put in the table, for a changed text cell. */
  text?: string;
  reason: CellChangeReason;
  /** Free-text detail, e.g. the detection limit used. */
  detail?: string;
}

export interface RowNote {
  /** 1-based row of the file. */
  row: number;
  /** Machine-readable reason, e.g. `qa-record`, `alarm`, `short-record`. */
  reason: string;
  /** Human-readable detail. */
  detail?: string;
}

export interface ReadAccount {
  /** The file read. */
  file: string;
  /** Data rows in the file (header rows and blank lines not counted). */
  inputRows: number;
  /** Rows in the returned main table. */
  keptRows: number;
  /** Rows not in the main table, each with its reason (they may be returned in a side table). */
  setAside: RowNote[];
  /** Rows kept in the table but flagged (one entry per row and reason). */
  flagged: RowNote[];
  /** Every cell whose value is not the literal number written in the file. */
  cellChanges: CellChange[];
  /** 1-based rows of the file that were blank (skipped; not data rows). */
  blankRows: number[];
  /** For a workbook: the worksheet read, all sheet names, and the hidden sheets skipped before it. */
  sheet?: { name: string; sheets: string[]; hiddenSkipped: string[] };
  /** Conventions a format reader applied to the whole file (e.g. which end of the hour a label marks). */
  notes?: string[];
}

/** Build an account step by step. */
export class AccountBuilder {
  readonly setAside: RowNote[] = [];
  readonly flagged: RowNote[] = [];
  readonly cellChanges: CellChange[] = [];
  readonly blankRows: number[] = [];
  inputRows = 0;
  /** The worksheet read, for a workbook (copied from the grid). */
  sheet?: ReadAccount["sheet"];
  constructor(readonly file: string) {}

  finish(keptRows: number): ReadAccount {
    const account: ReadAccount = {
      file: this.file,
      inputRows: this.inputRows,
      keptRows,
      setAside: this.setAside,
      flagged: this.flagged,
      cellChanges: this.cellChanges,
      blankRows: this.blankRows,
      ...(this.sheet ? { sheet: this.sheet } : {}),
    };
    checkAccount(account);
    return account;
  }
}

/**
 * Throws if the account's counts do not add up (a bug in a reader, never bad input).
 * @throws {Error} when the account does not add up (input rows ≠ kept + set aside): an internal fault of the reader
 */
export function checkAccount(a: ReadAccount): void {
  if (a.inputRows !== a.keptRows + a.setAside.length) {
    throw new Error(
      `aozora internal error: account for ${a.file} does not add up: ${a.inputRows} input rows != ${a.keptRows} kept + ${a.setAside.length} set aside`,
    );
  }
}

/** A compact summary of an account: counts per reason. */
export function summariseAccount(a: ReadAccount): {
  file: string;
  inputRows: number;
  keptRows: number;
  setAside: Record<string, number>;
  flagged: Record<string, number>;
  cellChanges: Record<string, number>;
  blankRows: number;
} {
  const count = (xs: { reason: string }[]) => {
    const out: Record<string, number> = {};
    for (const x of xs) out[x.reason] = (out[x.reason] ?? 0) + 1;
    return out;
  };
  return {
    file: a.file,
    inputRows: a.inputRows,
    keptRows: a.keptRows,
    setAside: count(a.setAside),
    flagged: count(a.flagged),
    cellChanges: count(a.cellChanges),
    blankRows: a.blankRows.length,
  };
}
