/**
 * Start and stop `npm run notebook` (scripts/notebook.sh) for the browser-suite tests: a free
 * loopback port, the URL read from the launcher's output, a clean stop (SIGTERM, then wait for the
 * process to exit and the port to close).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

/** A free TCP port on 127.0.0.1 (the OS picks one; closed again before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  port: number;
  token: string;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Everything the launcher and Jupyter printed so far. */
  log: () => string;
  /** SIGTERM to the launcher; resolves with its exit code once it has exited. */
  stop: () => Promise<number | null>;
  child: ChildProcess;
}

/**
 * Run `bash scripts/notebook.sh --no-browser --port <free> [args]` and wait for the line with the
 * URL and its token.
 */
export async function startServer(args: string[] = [], timeoutMs = 90000): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn("bash", ["scripts/notebook.sh", "--no-browser", "--port", String(port), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, AOZORA_NOTEBOOK_TOKEN: undefined },
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`notebook server did not print its URL in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      const m = /open: +(http:\/\/\S+\/tree\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`notebook server exited (${code}) before printing its URL:\n${out}`));
    });
  });
  const token = new URL(url).searchParams.get("token")!;
  return {
    port,
    token,
    base: `http://127.0.0.1:${port}`,
    log: () => out,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** HTTP status of a GET (redirects not followed) and its Location header. */
export async function status(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; location: string | null }> {
  const r = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(10000) });
  await r.arrayBuffer();
  return { status: r.status, location: r.headers.get("location") };
}
