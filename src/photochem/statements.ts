/**
 * Statements ended by `;` that may span lines, as in CMAQ CHEMMECH `.def` and KPP `.eqn` files,
 * with the 1-based line on which each statement starts.
 * @packageDocumentation
 */

import { AozoraInputError } from "../io/errors";

/** Where a statement is: the file, its line and its label (for errors). */
export interface StatementPlace {
  file: string;
  line: number;
  label: string;
}

/**
 * The error for a statement the reader cannot accept: `file, row L: expected in reaction <R1>, …`.
 * @param at - file, line and label
 * @param noun - `reaction` (CHEMMECH) or `equation` (KPP)
 * @param expected - what was expected
 * @param found - what was found
 */
export function statementError(at: StatementPlace, noun: string, expected: string, found: string): AozoraInputError {
  return new AozoraInputError({
    file: at.file,
    row: at.line,
    expected: `in ${noun} <${at.label}>, ${expected}`,
    found,
  });
}

/** A statement's text (without its `;`) and the line where its first non-blank character is. */
export interface Statement {
  text: string;
  line: number;
}

/** Collects `;`-terminated statements line by line, keeping line breaks inside a statement. */
export class StatementSplitter {
  private buf = "";
  private start = 0;

  /** True while a statement has started and not ended. */
  get open(): boolean {
    return this.buf.trim() !== "";
  }

  /** The unfinished statement, if any. */
  get pending(): Statement | undefined {
    return this.open ? { text: this.buf, line: this.start } : undefined;
  }

  /**
   * Add one line of data (comments already removed).
   * @param text - the line's data
   * @param line - its 1-based line number
   * @returns the statements the line completes
   */
  feed(text: string, line: number): Statement[] {
    const done: Statement[] = [];
    let rest = text;
    while (rest.length > 0) {
      if (!this.open && rest.trim() !== "") {
        this.buf = "";
        this.start = line;
      }
      const semi = rest.indexOf(";");
      if (semi < 0) {
        this.buf += rest + "\n";
        break;
      }
      this.buf += rest.slice(0, semi);
      if (this.buf.trim() !== "") done.push({ text: this.buf, line: this.start });
      this.buf = "";
      rest = rest.slice(semi + 1);
      if (rest.trim() === "") break;
    }
    return done;
  }

  /** A skipped line (blank or comment) inside an open statement: keep its line break for line numbers. */
  gap(): void {
    if (this.open) this.buf += "\n";
  }

  /** Forget an unfinished statement. */
  reset(): void {
    this.buf = "";
  }
}
