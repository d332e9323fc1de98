// `npm run notebook` (after scripts/notebook.sh has installed what is missing): start Debian's
// classic Jupyter Notebook server on the project's notebooks/ with the project-local
// "TypeScript (aozora)" kernel, safe by default:
//   - listens on 127.0.0.1 only; another address needs --ip ADDR --allow-remote (warned);
//   - token authentication always on: a random token unless --token / AOZORA_NOTEBOOK_TOKEN
//     gives one (at least 16 characters; an empty token or a password-only setup is refused);
//   - the token goes to Jupyter in a private config file (mode 0600, deleted once the server is
//     up), not on the command line where other users of the machine could read it (ps);
//   - that config file is loaded instead of the user's jupyter_notebook_config, and its settings
//     are checked on the running server: a request without the token must get HTTP 403, and
//     nothing may listen on the port on another address, else the server is stopped;
//   - Jupyter terminals (a shell in the browser) are off unless --terminals.
// Prints the URL with its token; Ctrl+C (or SIGTERM) stops the server and its kernels.
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `usage: npm run notebook [-- options]
  --port N           port (default: the first free one from 8888)
  --ip ADDR          address to listen on (default 127.0.0.1, this machine only)
  --allow-remote     required with --ip when ADDR is not a loopback address: anyone who can reach
                     this machine and has the token can then run code as you
  --token TOKEN      the access token (default: $AOZORA_NOTEBOOK_TOKEN, else a random one);
                     at least 16 characters
  --no-browser       do not open a web browser
  --terminals        enable Jupyter's in-browser terminals (off by default)
  --notebook-dir DIR folder shown by the server (default notebooks/)
  --check-args       only check the options (exit 0 if valid)`;

/** Exit 2 with one line (bad options). */
function fail(msg) {
  process.stderr.write(`aozora notebook: ${msg}\n`);
  process.exit(2);
}

/** True for 127.0.0.0/8, ::1 and localhost. */
function isLoopback(ip) {
  return ip === "localhost" || ip === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

function parseArgs(argv) {
  const o = {
    port: undefined,
    ip: "127.0.0.1",
    allowRemote: false,
    token: undefined,
    browser: true,
    terminals: false,
    notebookDir: join(root, "notebooks"),
    checkOnly: false,
  };
  const value = (i, name) => {
    if (i + 1 >= argv.length) fail(`${name} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf("=");
    const [name, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const take = () => (inline !== undefined ? inline : value(i++, name));
    switch (name) {
      case "--port": {
        const p = take();
        if (!/^\d+$/.test(p) || +p < 1 || +p > 65535) fail(`--port must be an integer 1–65535, got "${p}"`);
        o.port = +p;
        break;
      }
      case "--ip":
        o.ip = take();
        break;
      case "--allow-remote":
        o.allowRemote = true;
        break;
      case "--token":
        o.token = take();
        break;
      case "--no-browser":
        o.browser = false;
        break;
      case "--terminals":
        o.terminals = true;
        break;
      case "--notebook-dir":
        o.notebookDir = resolve(take());
        break;
      case "--check-args":
        o.checkOnly = true;
        break;
      case "-h":
      case "--help":
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        fail(`unknown option "${a}"\n${USAGE}`);
    }
  }
  if (o.token === undefined && process.env.AOZORA_NOTEBOOK_TOKEN !== undefined)
    o.token = process.env.AOZORA_NOTEBOOK_TOKEN;
  if (o.token !== undefined) {
    if (o.token.trim() === "") fail("refusing to start without a token (an empty token turns authentication off)");
    if (o.token.length < 16)
      fail(`the token must have at least 16 characters (got ${o.token.length}); omit --token for a random one`);
    if (!/^[A-Za-z0-9._~-]+$/.test(o.token))
      fail("the token may contain only letters, digits and . _ ~ - (it goes into URLs)");
  }
  if (o.ip.trim() === "" || o.ip === "*")
    fail(`--ip "${o.ip}" would listen on every interface; give an address, and --allow-remote`);
  if (!isLoopback(o.ip) && !o.allowRemote)
    fail(
      `--ip ${o.ip} is not a loopback address: add --allow-remote to listen on it (anyone who reaches this machine and has the token can run code)`,
    );
  if (!existsSync(o.notebookDir)) fail(`--notebook-dir ${o.notebookDir} does not exist`);
  return o;
}

/** Resolve with true when `port` can be listened on at `ip`. */
function portFree(port, ip) {
  return new Promise((res) => {
    const s = createServer();
    s.once("error", () => res(false));
    s.listen({ port, host: ip === "localhost" ? "127.0.0.1" : ip, exclusive: true }, () => s.close(() => res(true)));
  });
}

/** Python string literal (repr-safe for any text). */
const py = (s) => JSON.stringify(String(s));

/** Local addresses listening on `port` (from /proc/net/tcp{,6}; [] when /proc is unavailable). */
function listeningAddresses(port) {
  const out = [];
  for (const f of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text;
    try {
      text = readFileSync(f, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== "0A") continue; // 0A = LISTEN
      const [addr, p] = cols[1].split(":");
      if (parseInt(p, 16) !== port) continue;
      out.push(decodeProcAddress(addr));
    }
  }
  return out;
}

/** /proc/net/tcp address (little-endian hex per 32-bit word) → text. */
function decodeProcAddress(hex) {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => (w.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)));
  if (bytes.length === 4) return bytes.join(".");
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255)
    return bytes.slice(12).join("."); // v4-mapped
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
}

async function get(url, headers = {}) {
  const r = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(5000) });
  await r.arrayBuffer();
  return r.status;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.checkOnly) return 0;
  const token = o.token ?? randomBytes(24).toString("hex");
  let port = o.port;
  if (port === undefined) {
    for (port = 8888; port < 8988 && !(await portFree(port, o.ip)); port++);
    if (port >= 8988) fail("no free port in 8888–8987; give one with --port");
  } else if (!(await portFree(port, o.ip))) fail(`port ${port} on ${o.ip} is in use`);

  const remote = !isLoopback(o.ip);
  const confDir = mkdtempSync(join(tmpdir(), "aozora-nb-"));
  const confFile = join(confDir, "aozora_notebook_config.py");
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  writeFileSync(
    confFile,
    [
      "# written by aozora scripts/notebook-server.mjs; deleted once the server is up",
      `c.NotebookApp.ip = ${py(o.ip)}`,
      `c.NotebookApp.port = ${port}`,
      "c.NotebookApp.port_retries = 0",
      `c.NotebookApp.token = ${py(token)}`,
      "c.NotebookApp.password = ''",
      "c.NotebookApp.password_required = False",
      `c.NotebookApp.allow_remote_access = ${remote ? "True" : "False"}`,
      "c.NotebookApp.allow_origin = ''",
      "c.NotebookApp.allow_origin_pat = ''",
      "c.NotebookApp.disable_check_xsrf = False",
      `c.NotebookApp.notebook_dir = ${py(o.notebookDir)}`,
      `c.NotebookApp.open_browser = ${o.browser ? "True" : "False"}`,
      `c.NotebookApp.terminals_enabled = ${o.terminals ? "True" : "False"}`,
      `c.NotebookApp.allow_root = ${asRoot ? "True" : "False"}`,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );

  const env = {
    ...process.env,
    JUPYTER_PATH: [join(root, ".jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(":"),
  };
  delete env.JUPYTER_TOKEN; // the config file is the only source of the token
  delete env.AOZORA_NOTEBOOK_TOKEN;
  let version = "";
  try {
    version = execFileSync("jupyter", ["notebook", "--version"], { env, encoding: "utf8" }).trim();
  } catch {
    /* reported by the start below */
  }

  // stdin not a TTY: Jupyter then stops on the first Ctrl+C instead of asking y/n.
  const child = spawn("jupyter", ["notebook", `--config=${confFile}`], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
    cwd: o.notebookDir,
  });
  let exited = false;
  const exitPromise = new Promise((res) => {
    child.on("exit", (code, sig) => {
      exited = true;
      res(code ?? (sig ? 1 : 0));
    });
    child.on("error", (err) => {
      exited = true;
      process.stderr.write(
        `aozora notebook: cannot run jupyter: ${err.message} (scripts/ensure-jupyter.sh --server installs it)\n`,
      );
      res(1);
    });
  });
  const cleanup = () => rmSync(confDir, { recursive: true, force: true });
  const stop = () => {
    if (!exited) child.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.on("SIGHUP", stop);
  process.on("exit", cleanup);

  const host = o.ip.includes(":") ? `[${o.ip}]` : o.ip;
  // The address to connect to (a wildcard address is reached through loopback here).
  const urlHost = o.ip === "0.0.0.0" ? "127.0.0.1" : o.ip === "::" ? "[::1]" : host;
  const base = `http://${urlHost}:${port}`;
  const probe = base;
  const t0 = Date.now();
  let ready = false;
  while (!exited && Date.now() - t0 < 90000) {
    try {
      if ((await get(`${probe}/api/status`, { Authorization: `token ${token}` })) === 200) {
        ready = true;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  cleanup();
  if (!ready) {
    stop();
    process.stderr.write(`aozora notebook: the server did not start (see Jupyter's messages above)\n`);
    return (await exitPromise) || 1;
  }
  // The settings actually in force: authentication on, and the address as asked.
  const problems = [];
  const noToken = await get(`${probe}/api/contents`);
  if (noToken !== 403) problems.push(`a request without the token got HTTP ${noToken}, not 403`);
  const wrong = await get(`${probe}/api/contents`, { Authorization: `token x${token}` });
  if (wrong !== 403) problems.push(`a request with a wrong token got HTTP ${wrong}, not 403`);
  const addrs = listeningAddresses(port);
  if (!remote && addrs.some((a) => !isLoopback(a))) problems.push(`port ${port} listens on ${addrs.join(", ")}`);
  if (problems.length > 0) {
    stop();
    process.stderr.write(`aozora notebook: refusing to run this server: ${problems.join("; ")}\n`);
    await exitPromise;
    return 1;
  }

  const lines = [
    "",
    `aozora notebook server${version ? ` (Jupyter Notebook ${version})` : ""} on ${host}:${port}, token authentication on, kernel "TypeScript (aozora)"`,
    `  open:  ${base}/tree?token=${token}`,
    `  start: ${base}/notebooks/00-getting-started.ipynb?token=${token}`,
    "  src/ changes reach the notebooks after Kernel → Restart (the kernel rebuilds dist/).",
    "  Stop with Ctrl+C.",
    "",
  ];
  if (remote)
    lines.splice(
      2,
      0,
      `  WARNING: listening on ${o.ip}, reachable from other machines: anyone with the token can run code as ${asRoot ? "root" : "you"}.`,
    );
  process.stdout.write(lines.join("\n") + "\n");
  return await exitPromise;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`aozora notebook: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
