import { describe, expect, it } from "vitest";
import { gridAccount, readGrid } from "../../src/io/grid";
import { readProfiles } from "../../src/profiles/read";

// Issue #15 item 4: one home for the account set-up every grid reader wrote for itself.
describe("gridAccount: the account a grid reader starts from", () => {
  // header on line 1, data on lines 2, 4 and 5, line 3 blank (4 data lines minus 1 blank = 3 records)
  const csv = "a,b\n1,2\n\n3,4\n5,6\n";

  it("counts the data records, lists the blank row and names the file", () => {
    const acc = gridAccount(readGrid({ name: "g.csv", text: csv }));
    expect(acc.file).toBe("g.csv");
    expect(acc.inputRows).toBe(3);
    expect(acc.blankRows).toEqual([3]);
    expect(acc.sheet).toBeUndefined();
    // the invariant inputRows = kept + set aside: 3 = 2 + 1 adds up, 3 = 3 + 1 does not
    acc.setAside.push({ row: 5, reason: "test" });
    expect(acc.finish(2).inputRows).toBe(3);
    expect(() => gridAccount(readGrid({ name: "g.csv", text: csv })).finish(4)).toThrow(/does not add up/);
  });

  it("a reader built on it reports the same rows (readProfiles: 2 records, blank line 3)", () => {
    const text = "profile,species,fraction (g/g)\nsoil,Al,0.07\n\nsoil,Si,0.2\n";
    const { account } = readProfiles({ name: "p.csv", text });
    expect(account.inputRows).toBe(2);
    expect(account.blankRows).toEqual([3]);
    expect(account.keptRows).toBe(2);
  });
});
