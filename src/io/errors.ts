import { parseOffset, type OffsetLike } from "../table/time";

/**
 * The library's own error type for bad input. Every reader throws this (and only this) for
 * input it cannot accept, naming the file, the row and the column and saying what was expected.
 *
 * Row numbers are 1-based rows of the file as a person sees it in an editor or spreadsheet
 * (the header is row 1 of a one-header-row CSV); column numbers are 1-based.
 */
export class AozoraInputError extends Error {
  /** File path (or a label such as `<string>` for in-memory input). */
  readonly file: string;
  /** 1-based row of the file, when the problem is in one row. */
  readonly row?: number;
  /** Column header as written in the file, when the problem is in one column. */
  readonly column?: string;
  /** 1-based column number, when known. */
  readonly columnNumber?: number;
  /** What the reader expected. */
  readonly expected: string;
  /** What it found (cell text, shortened). */
  readonly found?: string;

  /**
   * @param where the file, the 1-based row and column (header text and/or number) of the problem,
   *   what was expected there and what was found; the message is built from them
   *   (`file, row 2, column "Time" (#1): expected …, found "…"`).
   */
  constructor(where: {
    file: string;
    row?: number;
    column?: string;
    columnNumber?: number;
    expected: string;
    found?: string;
  }) {
    const parts = [where.file];
    if (where.row !== undefined) parts.push(`row ${where.row}`);
    if (where.column !== undefined) {
      parts.push(`column "${where.column}"` + (where.columnNumber !== undefined ? ` (#${where.columnNumber})` : ""));
    } else if (where.columnNumber !== undefined) {
      parts.push(`column #${where.columnNumber}`);
    }
    const found = where.found === undefined ? "" : `, found "${shorten(where.found)}"`;
    super(`${parts.join(", ")}: expected ${where.expected}${found}`);
    this.name = "AozoraInputError";
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
    this.columnNumber = where.columnNumber;
    this.expected = where.expected;
    this.found = where.found === undefined ? undefined : shorten(where.found);
  }
}

function shorten(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}

/**
 * The error for a file that cannot be opened or read: `file: expected a readable file, found ENOENT`
 * (the system error code, or the error's text). Readers throw what this returns.
 * @param file the path
 * @param cause what opening or reading the file threw
 */
export function unreadableFile(file: string, cause: unknown): AozoraInputError {
  return new AozoraInputError({
    file,
    expected: "a readable file",
    found: (cause as NodeJS.ErrnoException)?.code ?? String(cause),
  });
}

/**
 * A reader's `utcOffset` option in minutes east of UTC ({@link parseOffset}); an offset it cannot
 * parse is an {@link AozoraInputError} naming the file being read, so the message says which read
 * needed it.
 * @param file the file being read
 * @param offset the option as given
 * @param expected what the message says was expected (e.g. `option utcOffset, the logger clock's UTC offset (e.g. "+08:00")`)
 * @throws {AozoraInputError} when the offset cannot be parsed
 */
export function offsetOption(file: string, offset: OffsetLike | undefined, expected: string): number {
  try {
    return parseOffset(offset as OffsetLike);
  } catch {
    throw new AozoraInputError({ file, expected, found: String(offset) });
  }
}

/**
 * True when `e` is the engine's report of a failed allocation (`RangeError: Invalid array
 * length`, `Invalid typed array length`, `Array buffer allocation failed`): a resource fault,
 * never a bad argument to be reported as "skipped" or as the user's mistake, and never success.
 *
 * @param e anything thrown.
 */
export function isAllocationFailure(e: unknown): boolean {
  return (
    e instanceof RangeError &&
    /invalid (typed )?array length|array buffer allocation failed|allocation failed|out of memory/i.test(e.message)
  );
}
