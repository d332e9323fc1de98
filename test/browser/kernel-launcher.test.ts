/**
 * The kernel launcher (scripts/tslab-kernel.sh, the kernelspec's argv) makes a change to src/
 * reach the notebooks after a kernel restart, with no publish step. Checked on a temporary copy
 * of the project (src/, scripts/, tsconfig, package.json, dist/; node_modules linked), so nothing
 * in the working tree is edited: a real tslab kernel started through Jupyter's client prints
 * VERSION, src/version.ts changes, the kernel restarts and prints the new value. Also: no rebuild
 * when nothing changed, and a type error is reported (log + AOZORA_BUILD_LOG) without blocking.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProblems } from "../../src/notebook/buildstatus";
import { ROOT } from "./server";

let tmp: string;

function launcher(): { status: number | null; stderr: string } {
  const r = spawnSync("bash", [join(tmp, "scripts", "tslab-kernel.sh"), "--build-only"], { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}

/** Make the build look a minute old, so that an edited source is certainly newer. */
function ageBuild(): void {
  const t = new Date(Date.now() - 60000);
  utimesSync(join(tmp, "dist", "index.js"), t, t);
}

describe("kernel launcher: src/ changes reach the kernel after a restart", () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "aozora-launcher-"));
    for (const p of ["src", "scripts", "dist"])
      cpSync(join(ROOT, p), join(tmp, p), { recursive: true, preserveTimestamps: true });
    for (const p of ["tsconfig.json", "tsconfig.build.json", "package.json"])
      cpSync(join(ROOT, p), join(tmp, p), { preserveTimestamps: true });
    symlinkSync(join(ROOT, "node_modules"), join(tmp, "node_modules"));
    mkdirSync(join(tmp, "notebooks"));
    // start from a build that is newer than its sources
    const now = new Date();
    utimesSync(join(tmp, "dist", "index.js"), now, now);
    execFileSync("bash", [join(tmp, "scripts", "ensure-jupyter.sh")], { cwd: tmp, stdio: "pipe" });
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("does not rebuild when dist/ is newer than src/", () => {
    const before = statSync(join(tmp, "dist", "version.js")).mtimeMs;
    const r = launcher();
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain("rebuilding");
    expect(statSync(join(tmp, "dist", "version.js")).mtimeMs).toBe(before);
  });

  it("a restarted kernel sees the edited source", () => {
    const kernelspec = JSON.parse(readFileSync(join(tmp, ".jupyter", "kernels", "tslab", "kernel.json"), "utf8")) as {
      argv: string[];
      display_name: string;
    };
    expect(kernelspec.argv).toEqual(["/bin/bash", join(tmp, "scripts", "tslab-kernel.sh"), "{connection_file}"]);
    expect(kernelspec.display_name).toBe("TypeScript (aozora)");
    // Jupyter's own client: start the kernel, run a cell, edit src/, restart, run it again.
    const driver = `
import os, sys, time
from jupyter_client.manager import KernelManager
tmp = sys.argv[1]
def run(kc, code):
    out = []
    kc.execute_interactive(code, timeout=120, output_hook=lambda m: out.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
    return "".join(out).strip()
km = KernelManager(kernel_name="tslab")
km.start_kernel(cwd=os.path.join(tmp, "notebooks"))
kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=120)
print("before=" + run(kc, 'import { VERSION } from ".."; console.log(VERSION)'))
src = os.path.join(tmp, "src", "version.ts")
text = open(src).read()
open(src, "w").write(text.replace('export const VERSION = "', 'export const VERSION = "edited-'))
t = time.time() - 60; os.utime(os.path.join(tmp, "dist", "index.js"), (t, t))
km.restart_kernel(now=True)
kc.wait_for_ready(timeout=120)
print("after=" + run(kc, 'import { VERSION } from ".."; console.log(VERSION)'))
kc.stop_channels(); km.shutdown_kernel(now=True)
`;
    const r = spawnSync("/usr/bin/python3", ["-c", driver, tmp], {
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PATH: join(tmp, ".jupyter") },
      timeout: 150000,
    });
    expect(r.status, r.stderr).toBe(0);
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
    expect(r.stdout).toContain(`before=${version}`);
    expect(r.stdout).toContain(`after=edited-${version}`);
    expect(r.stderr).toContain("rebuilding dist/");
  });

  it("reports a type error in src/ without blocking the kernel, once", () => {
    const file = join(tmp, "src", "version.ts");
    writeFileSync(file, readFileSync(file, "utf8") + '\nexport const broken: number = "not a number";\n');
    ageBuild();
    const r = launcher();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("did not compile cleanly");
    expect(r.stderr).toMatch(/src\/version\.ts.*TS2322/);
    const log = join(tmp, ".jupyter", "last-kernel-build.log");
    const problems = buildProblems({ AOZORA_BUILD_LOG: log });
    expect(problems).toMatch(/TS2322/);
    // tsc still emitted the JavaScript, and the next start does not recompile the same sources
    expect(readFileSync(join(tmp, "dist", "version.js"), "utf8")).toContain("not a number");
    const again = launcher();
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain("rebuilding");
    expect(buildProblems({ AOZORA_BUILD_LOG: log })).toMatch(/TS2322/);
    // fixed: rebuilt, and the log is empty again
    writeFileSync(file, readFileSync(file, "utf8").replace('export const broken: number = "not a number";', ""));
    ageBuild();
    expect(launcher().status).toBe(0);
    expect(buildProblems({ AOZORA_BUILD_LOG: log })).toBeUndefined();
  });
});
