/** Helpers of the reader tests that compare engines (test/io). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import type { AqTable } from "../../src/table/table";

/** Everything a table holds: names, column info, every value (Object.is per value via toEqual on arrays), offset. */
export function tableDump(t: AqTable) {
  return {
    names: t.names,
    columns: t.columns,
    timeColumn: t.timeColumn,
    offset: t.utcOffsetMinutes,
    data: Object.fromEntries(t.names.map((n) => [n, Array.from(t.data.array(n) as ArrayLike<unknown>)])),
  };
}

/** A read's table (dumped) and account, or its AozoraInputError (message, row, column): for comparing engines. */
export function readOutcome(f: () => { table: AqTable; account: unknown }) {
  try {
    const r = f();
    return { table: tableDump(r.table), account: r.account };
  } catch (e) {
    if (e instanceof AozoraInputError) return { error: e.message, row: e.row, column: e.column };
    throw e;
  }
}

/**
 * A temporary folder for one test file, removed after its tests; `file(name, text)` writes a file
 * in it and returns its path.
 */
export function tempFiles(prefix: string): { dir: string; file: (name: string, text: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}
