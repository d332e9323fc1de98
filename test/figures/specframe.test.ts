import { describe, expect, it } from "vitest";
import { SCHEMA, specFrame } from "../../src/figures/specs";
import { massClosureSpec } from "../../src/qa/figures";
import { vocGroupShareSpec } from "../../src/models/voc/figures";
import { vocReactivity } from "../../src/models/voc/reactivity";

// specFrame is the one home of the figure-spec head ($schema, title, width, height, autosize).
describe("specFrame", () => {
  it("default: schema, title as { text }, size and autosize fit within the padding", () => {
    expect(specFrame("T", 640, 320)).toEqual({
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title: { text: "T" },
      width: 640,
      height: 320,
      autosize: { type: "fit", contains: "padding" },
    });
  });
  it("fit: false leaves out autosize (Vega-Lite default: width × height is the plot area); no title when undefined", () => {
    const f = specFrame(undefined, 300, 220, { fit: false });
    expect(f).toEqual({ $schema: SCHEMA, width: 300, height: 220 });
    expect("autosize" in f).toBe(false);
    expect("title" in f).toBe(false);
  });
  it("figures that never had autosize still have none, and keep their own title forms", () => {
    const mc = massClosureSpec(
      { unit: "µg/m3", samples: [], components: [] } as unknown as Parameters<typeof massClosureSpec>[0],
      { title: "Mass closure" },
    ) as unknown as Record<string, unknown>;
    // QA figures write the title as a plain string, default size 760 × 320
    expect(mc.$schema).toBe(SCHEMA);
    expect(mc.title).toBe("Mass closure");
    expect([mc.width, mc.height, "autosize" in mc]).toEqual([760, 320, false]);
    const r = vocReactivity(
      [{ header: "ethane", match: { kind: "species", id: "ethane" }, unit: "ppb", values: [10] }],
      {},
      [Date.UTC(2024, 6, 1)],
    );
    // VOC figures: an empty title means no title (truthiness test kept), default size 360 × 320
    const v = vocGroupShareSpec(r, { title: "" }) as unknown as Record<string, unknown>;
    expect(["title" in v, v.width, v.height, "autosize" in v]).toEqual([false, 360, 320, false]);
    expect(v.mark).toEqual({ type: "bar" });
    expect(JSON.stringify(vocGroupShareSpec(r, { lang: "ja" }).config)).toContain("Noto Sans CJK JP");
    expect((vocGroupShareSpec(r, { title: "VOC" }) as unknown as Record<string, unknown>).title).toEqual({
      text: "VOC",
    });
  });
});
