/**
 * `npm run notebook` is safe by default: token authentication on (requests without the token or
 * with a wrong one are refused), loopback only (nothing listens on another address, connections
 * to this machine's other addresses are refused, a foreign Host header is refused), the token is
 * not on any process's command line, and the server stops cleanly.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, status, type RunningServer } from "./server";

/** Addresses listening on `port`, decoded from /proc/net/tcp and tcp6 (state 0A = LISTEN). */
function listeners(port: number): string[] {
  const out: string[] = [];
  for (const f of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== "0A") continue;
      const [addr, p] = cols[1].split(":");
      if (parseInt(p, 16) !== port) continue;
      // each 32-bit word is little-endian: 0100007F = 127.0.0.1
      const bytes = (addr.match(/.{8}/g) ?? []).flatMap((w) =>
        (w.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)),
      );
      out.push(bytes.length === 4 ? bytes.join(".") : bytes.map((b) => b.toString(16).padStart(2, "0")).join(""));
    }
  }
  return out;
}

/** "refused" when nothing accepts a TCP connection at host:port, else "connected". */
function tryConnect(host: string, port: number): Promise<"refused" | "connected" | string> {
  return new Promise((res) => {
    const s = connect({ host, port, timeout: 3000 });
    s.once("connect", () => {
      s.destroy();
      res("connected");
    });
    s.once("timeout", () => {
      s.destroy();
      res("timeout");
    });
    s.once("error", (e: NodeJS.ErrnoException) => res(e.code === "ECONNREFUSED" ? "refused" : String(e.code)));
  });
}

/** GET with an arbitrary Host header (fetch does not let one set it). */
function getWithHost(port: number, path: string, host: string, token: string): Promise<number> {
  return new Promise((res, rej) => {
    const req = request(
      { host: "127.0.0.1", port, path, headers: { Host: host, Authorization: `token ${token}` } },
      (r) => {
        r.resume();
        r.on("end", () => res(r.statusCode ?? 0));
      },
    );
    req.on("error", rej);
    req.end();
  });
}

describe("npm run notebook: token and loopback", () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it("generates a long random token and answers with it", async () => {
    expect(srv.token).toMatch(/^[0-9a-f]{48}$/);
    const ok = await fetch(`${srv.base}/api/contents`, { headers: { Authorization: `token ${srv.token}` } });
    expect(ok.status).toBe(200);
    const names = ((await ok.json()) as { content: { name: string }[] }).content.map((c) => c.name);
    expect(names).toContain("00-getting-started.ipynb");
    const viaQuery = await status(`${srv.base}/api/contents?token=${srv.token}`);
    expect(viaQuery.status).toBe(200);
  });

  it("refuses requests without the token or with a wrong one", async () => {
    expect((await status(`${srv.base}/api/contents`)).status).toBe(403);
    expect((await status(`${srv.base}/api/contents?token=`)).status).toBe(403);
    expect(
      (await status(`${srv.base}/api/contents`, { Authorization: `token ${srv.token.slice(0, -1)}0x` })).status,
    ).toBe(403);
    expect((await status(`${srv.base}/api/kernels`)).status).toBe(403);
    // the notebook pages send a browser without the token to the login page
    const tree = await status(`${srv.base}/tree`);
    expect(tree.status).toBe(302);
    expect(tree.location).toMatch(/^\/login\?next=/);
    const nb = await status(`${srv.base}/notebooks/00-getting-started.ipynb`);
    expect(nb.status).toBe(302);
    expect(nb.location).toMatch(/^\/login\?next=/);
  });

  it("refuses a request for another host name (DNS rebinding), even with the token", async () => {
    expect(await getWithHost(srv.port, "/api/contents", `127.0.0.1:${srv.port}`, srv.token)).toBe(200);
    expect(await getWithHost(srv.port, "/api/contents", `attacker.example:${srv.port}`, srv.token)).toBe(403);
  });

  it("listens on 127.0.0.1 only", async () => {
    expect(listeners(srv.port)).toEqual(["127.0.0.1"]);
    // this machine's other addresses (link-local IPv6 ones need their interface: fe80::1%eth0)
    const others = Object.entries(networkInterfaces()).flatMap(([name, list]) =>
      (list ?? [])
        .filter((a) => !a.internal)
        .map((a) => (a.family === "IPv6" && a.address.startsWith("fe80:") ? `${a.address}%${name}` : a.address)),
    );
    expect(others.length).toBeGreaterThan(0); // else this test would check nothing
    for (const addr of others) expect(`${addr}: ${await tryConnect(addr, srv.port)}`).toBe(`${addr}: refused`);
    expect(await tryConnect("127.0.0.1", srv.port)).toBe("connected");
  });

  it("keeps the token off every command line and removes its config file", () => {
    const cmdlines = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
    expect(cmdlines.includes(srv.token)).toBe(false);
    const conf = /--config=(\S+)/.exec(cmdlines.split("\n").find((l) => l.includes("aozora_notebook_config.py")) ?? "");
    expect(conf).not.toBeNull();
    expect(existsSync(conf![1])).toBe(false);
  });

  it("serves the project kernel with its display name", async () => {
    const r = await fetch(`${srv.base}/api/kernelspecs`, { headers: { Authorization: `token ${srv.token}` } });
    const specs = (await r.json()) as {
      kernelspecs: Record<string, { spec: { display_name: string; argv: string[] } }>;
    };
    expect(specs.kernelspecs.tslab.spec.display_name).toBe("TypeScript (aozora)");
    expect(specs.kernelspecs.tslab.spec.argv[1]).toMatch(/scripts\/tslab-kernel\.sh$/);
  });

  it("stops cleanly on SIGTERM and frees the port", async () => {
    const port = srv.port;
    expect(await srv.stop()).toBe(0);
    expect(srv.log()).toMatch(/Shutting down \d+ kernels?/);
    expect(listeners(port)).toEqual([]);
    expect(await tryConnect("127.0.0.1", port)).toBe("refused");
  });
});

describe("npm run notebook: a token given by the user", () => {
  it("uses it, and it works as the only key", async () => {
    const token = "aozora-test-token-0123456789";
    const srv = await startServer(["--token", token]);
    try {
      expect(srv.token).toBe(token);
      expect((await status(`${srv.base}/api/contents`, { Authorization: `token ${token}` })).status).toBe(200);
      expect((await status(`${srv.base}/api/contents`)).status).toBe(403);
    } finally {
      expect(await srv.stop()).toBe(0);
    }
  });
});
