/**
 * End to end, as a user works: `npm run notebook`, Debian's chromium (headless, off the network)
 * opens 00-getting-started.ipynb with the token, runs all cells from the Cell menu, waits for the
 * kernel to go idle; no cell may show an error and the figures must be inline SVG (with the
 * Japanese title the notebook's LANG asks for). Then a progress line must update in place (one
 * output entry, at 100 %). A screenshot goes to build/browser/. The notebook file is left as it was
 * (autosave off) and the server stops cleanly.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startServer, type RunningServer } from "./server";

// The functions given to page.evaluate/waitForFunction run in the browser; the project compiles
// without the DOM library, so the two globals they use are declared here.
declare const window: unknown;
declare const document: { querySelector(selector: string): unknown };

const CHROMIUM = process.env.AOZORA_CHROMIUM ?? "/usr/bin/chromium";
/** Flags that keep the browser off the network: every host name resolves to nothing except the
 * loopback server, a dead proxy catches anything else, and Chromium's own background services
 * (updates, safe browsing, metrics, sync) stay off. */
const OFFLINE_ARGS = [
  "--no-sandbox", // the CI runs as root
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  "--proxy-server=http://127.0.0.1:9",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-domain-reliability",
  "--disable-client-side-phishing-detection",
  "--disable-sync",
  "--disable-default-apps",
  "--no-first-run",
  "--no-pings",
  "--metrics-recording-only",
  "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
];
const NOTEBOOK = "00-getting-started.ipynb";
const SHOT_DIR = join(ROOT, "build", "browser");

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe(`browser: ${NOTEBOOK} in the classic Notebook`, () => {
  let srv: RunningServer;
  let browser: Browser;
  const blocked: string[] = [];
  const nbFile = join(ROOT, "notebooks", NOTEBOOK);
  const before = sha256(nbFile);

  beforeAll(async () => {
    srv = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: OFFLINE_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.stop();
  });

  it("runs every cell without an error and shows the figures as inline SVG", async () => {
    const t0 = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "en-US" });
    // Only the notebook server may be reached; anything else is refused and listed.
    await context.route("**/*", (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === "127.0.0.1" && u.port === String(srv.port)) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));

    await page.goto(`${srv.base}/notebooks/${NOTEBOOK}?token=${srv.token}`);
    // Loaded, kernel chosen from the notebook's metadata and connected.
    await page.waitForFunction(
      () => {
        const J = (window as unknown as { Jupyter?: any }).Jupyter;
        return J?.notebook?._fully_loaded === true && J.notebook.kernel?.is_connected?.() === true;
      },
      undefined,
      { timeout: 90000 },
    );
    // Nothing the test does may be written back to the notebook file.
    await page.evaluate(() => (window as unknown as { Jupyter: any }).Jupyter.notebook.set_autosave_interval(0));
    expect(await page.locator("#kernel_indicator .kernel_indicator_name").textContent()).toBe("TypeScript (aozora)");
    expect(await page.evaluate(() => (window as unknown as { Jupyter: any }).Jupyter.notebook.kernel.name)).toBe(
      "tslab",
    );

    // Cell → Run All, as a user would.
    await page.click("#celllink");
    await page.click("#run_all_cells > a");
    await page.waitForFunction(
      () => {
        const J = (window as unknown as { Jupyter: any }).Jupyter;
        const cells = J.notebook.get_cells().filter((c: any) => c.cell_type === "code");
        const running = cells.some((c: any) => c.input_prompt_number === "*");
        const idle = document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null;
        return !running && idle;
      },
      undefined,
      { timeout: 150000, polling: 250 },
    );

    const cells = await page.evaluate((): { prompt: unknown; errors: string[] }[] => {
      const J = (window as unknown as { Jupyter: any }).Jupyter;
      return J.notebook
        .get_cells()
        .filter((c: any) => c.cell_type === "code")
        .map((c: any) => ({
          prompt: c.input_prompt_number,
          errors: (c.output_area.outputs as any[])
            .filter((o) => o.output_type === "error")
            .map((o) => `${o.ename}: ${o.evalue}`),
        }));
    });
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.flatMap((c) => c.errors)).toEqual([]);
    expect(await page.locator(".output_area .output_error").count()).toBe(0);
    // every code cell ran, in order
    expect(cells.map((c) => c.prompt)).toEqual(cells.map((_, i) => i + 1));

    // The figures: inline SVG in the output area, labelled in Japanese (LANG = "ja").
    const svgs = page.locator(".output_area .output_svg svg");
    expect(await svgs.count()).toBe(2);
    const svgText = await svgs.first().evaluate((el) => el.outerHTML);
    expect(svgText).toContain("瀋陽（模擬データ）PM2.5 1時間値");
    const box = await svgs.first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(150);

    mkdirSync(SHOT_DIR, { recursive: true });
    await svgs.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOT_DIR, "00-getting-started.png") });

    // A progress line updates in place: one output entry, rewritten up to its final state.
    await page.evaluate(() => {
      const J = (window as unknown as { Jupyter: any }).Jupyter;
      const cell = J.notebook.insert_cell_at_bottom("code");
      cell.set_text(
        [
          'const demoBar = aozora.progress("demo steps", { intervalMs: 0 });',
          "for (let i = 1; i <= 8; i++) { demoBar(i, 8); await new Promise((r) => setTimeout(r, 150)); }",
        ].join("\n"),
      );
      cell.execute();
    });
    const texts: string[] = [];
    const last = page.locator(".cell.code_cell").last().locator(".output_area");
    for (let i = 0; i < 40; i++) {
      const t = (await last.allTextContents()).join("|");
      if (t && texts[texts.length - 1] !== t) texts.push(t);
      if (t.includes("8/8 (100 %)")) break;
      await page.waitForTimeout(100);
    }
    await page.waitForFunction(
      () => document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null,
      undefined,
      { timeout: 30000 },
    );
    const outputs = await page.evaluate(() => {
      const J = (window as unknown as { Jupyter: any }).Jupyter;
      const cells = J.notebook.get_cells();
      return (cells[cells.length - 1].output_area.outputs as any[]).map((o) => ({
        type: o.output_type,
        text: o.data?.["text/plain"] ?? o.text,
      }));
    });
    expect(outputs).toHaveLength(1);
    expect(outputs[0].type).toBe("display_data");
    expect(outputs[0].text).toMatch(/^demo steps +█{24} +8\/8 \(100 %\)/);
    // it was seen at an intermediate state first (the same entry, rewritten)
    expect(texts.some((t) => /demo steps .* [1-7]\/8 /.test(t))).toBe(true);
    await page.locator(".cell.code_cell").last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOT_DIR, "00-progress.png") });

    expect(pageErrors).toEqual([]);
    await context.close();
    console.log(
      `browser run of ${NOTEBOOK}: ${((Date.now() - t0) / 1000).toFixed(1)} s; requests blocked: ${blocked.length ? blocked.join(", ") : "none"}`,
    );
  });

  it("leaves the notebook file unchanged and stops the server cleanly", async () => {
    expect(sha256(nbFile)).toBe(before);
    expect(await srv.stop()).toBe(0);
    expect(srv.log()).toMatch(/Shutting down 1 kernel/);
  });
});
