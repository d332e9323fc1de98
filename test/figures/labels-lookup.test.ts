import { describe, expect, it } from "vitest";
import { label, labelLookup } from "../../src/figures/labels";

describe("labelLookup", () => {
  const table = { calm: { en: "calm", ja: "静穏", zh: "静风" } };
  it("looks up an area's table, then the fallback", () => {
    const look = labelLookup(table, "test", label);
    expect(look("calm", "ja")).toBe("静穏");
    expect(look("time", "zh")).toBe("时间"); // from the common table
  });
  it("names the table for an unknown key without fallback, and rejects unknown languages", () => {
    const look = labelLookup(table, "test");
    expect(() => look("nope")).toThrow(/Unknown test label key "nope" \(known keys: calm\)/);
    expect(() => look("calm", "fr" as never)).toThrow(/Unknown figure language "fr"/);
  });
});
