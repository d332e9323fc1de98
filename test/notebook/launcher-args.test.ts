/**
 * `npm run notebook` refuses unsafe options before it installs or starts anything (exit 2, one
 * line): an empty or short token, a non-loopback address without --allow-remote, a wildcard.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
function notebook(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("bash", ["scripts/notebook.sh", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 30000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe("npm run notebook: unsafe options are refused", () => {
  it("refuses an empty token (it would turn authentication off)", () => {
    const r = notebook(["--token", ""]);
    expect(r.status).toBe(2);
    expect(r.out).toContain("refusing to start without a token");
    expect(r.out).not.toContain("installing");
    expect(notebook(["--token="]).status).toBe(2);
    expect(notebook([], { AOZORA_NOTEBOOK_TOKEN: " " }).status).toBe(2);
  });
  it("refuses a short token or one that does not fit in a URL", () => {
    expect(notebook(["--token", "abc123"]).out).toContain("at least 16 characters");
    expect(notebook(["--token", "0123456789abcdef&x=1"]).status).toBe(2);
  });
  it("listens elsewhere than loopback only with --allow-remote", () => {
    const r = notebook(["--ip", "0.0.0.0"]);
    expect(r.status).toBe(2);
    expect(r.out).toContain("--allow-remote");
    expect(notebook(["--ip", "192.0.2.10"]).status).toBe(2);
    expect(notebook(["--ip", "*", "--allow-remote"]).status).toBe(2);
    expect(notebook(["--ip", ""]).status).toBe(2);
    // accepted (only checked here: --check-args stops before anything starts)
    const ok = spawnSync("node", ["scripts/notebook-server.mjs", "--check-args", "--ip", "0.0.0.0", "--allow-remote"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(
      spawnSync("node", ["scripts/notebook-server.mjs", "--check-args", "--ip", "127.0.0.2"], { cwd: ROOT }).status,
    ).toBe(0);
  });
  it("rejects unknown options and bad ports", () => {
    expect(notebook(["--NotebookApp.token="]).status).toBe(2);
    expect(notebook(["--port", "70000"]).status).toBe(2);
    expect(notebook(["--port", "x"]).status).toBe(2);
  });
  it("prints its usage with --help and exits 0 without starting", () => {
    const r = notebook(["--help"]);
    expect(r.status).toBe(0);
    expect(r.out).toContain("--allow-remote");
  });
});
