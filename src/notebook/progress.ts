/**
 * Progress of long computations (PMF base runs, bootstrap, DISP) as one line that updates in
 * place: in a tslab Jupyter kernel a display entry rewritten with Jupyter's
 * `update_display_data` message (tslab's `newDisplay()`), on a terminal a `\r`-rewritten stderr
 * line, elsewhere (logs, CI) a line at each quarter.
 */

/** The part of a tslab display entry used here (`require("tslab").newDisplay()`). */
export interface ProgressDisplay {
  text(s: string): void;
}

/** Where progress lines go: `update` replaces the current line; `final` is true once, at the end. */
export interface ProgressSink {
  update(line: string, final: boolean): void;
}

/** Options of {@link progress}. */
export interface ProgressOptions {
  /**
   * Where to show the line: `"auto"` (default: the notebook when running in a tslab kernel, else a
   * terminal line on stderr when stderr is a TTY, else a line at each quarter on stderr),
   * `"notebook"`, `"tty"`, `"lines"`, `"silent"`, or a {@link ProgressSink} of your own.
   */
  output?: "auto" | "notebook" | "tty" | "lines" | "silent" | ProgressSink;
  /** Least time between two in-place updates, in ms (default 250; the first and last always show). */
  intervalMs?: number;
  /** Bar width in characters (default 24). */
  width?: number;
  /** Clock in ms (default `Date.now`; for tests). */
  now?: () => number;
  /** The display entry to rewrite (default a new one from tslab; for tests). */
  display?: ProgressDisplay;
}

/**
 * A progress callback: pass it as `onProgress` of `runPmf`, `bootstrapPmf`, `dispPmf`,
 * `bsDispPmf`, `scanFactors`... A third argument is shown after the counts when it is a string
 * (other values, such as the `PmfRun` that `runPmf` passes, are ignored).
 */
export type ProgressCallback = (done: number, total: number, note?: unknown) => void;

/** The text of one progress line (exported for tests and for custom sinks). */
export function progressLine(
  what: string,
  done: number,
  total: number,
  elapsedMs: number,
  width = 24,
  note?: string,
): string {
  const frac = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(frac * width);
  const parts = [
    `${what}  ${"█".repeat(filled)}${"░".repeat(width - filled)}  ${done}/${total} (${Math.round(100 * frac)} %)`,
    `${(elapsedMs / 1000).toFixed(1)} s`,
  ];
  if (done > 0 && done < total && elapsedMs > 0)
    parts.push(`~${Math.ceil(((elapsedMs / done) * (total - done)) / 1000)} s left`);
  if (note) parts.push(note);
  return parts.join(" · ");
}

/**
 * Make a progress callback that shows `what`, a bar, `done/total`, the elapsed time and an
 * estimate of the time left, on one line updated in place.
 *
 * In a notebook (tslab kernel) the line is a display entry that the frontend rewrites
 * (Jupyter `update_display_data`, supported by classic Notebook, JupyterLab, VS Code and nbclient),
 * so a long run leaves one line in the cell output, not hundreds.
 *
 * @param what what is being counted, e.g. `"PMF base runs"`
 * @param opts where to show the line and how often (see {@link ProgressOptions})
 * @returns a callback `(done, total, note?)`; call it after each finished step
 * @example
 * const result = await aozora.runPmf(input, { factors: 7, runs: 20, onProgress: aozora.progress("PMF base runs") });
 */
export function progress(what: string, opts: ProgressOptions = {}): ProgressCallback {
  const now = opts.now ?? Date.now;
  const interval = opts.intervalMs ?? 250;
  const width = opts.width ?? 24;
  let sink: ProgressSink | undefined;
  let start: number | undefined;
  let last = -Infinity;
  let finished = false;
  return (done, total, note) => {
    if (finished) return;
    const t = now();
    if (start === undefined) start = t;
    const final = done >= total;
    if (!final && t - last < interval && last !== -Infinity) return;
    last = t;
    sink ??= chooseSink(opts);
    sink.update(progressLine(what, done, total, t - start, width, typeof note === "string" ? note : undefined), final);
    if (final) finished = true;
  };
}

function chooseSink(opts: ProgressOptions): ProgressSink {
  const out = opts.output ?? "auto";
  if (typeof out === "object") return out;
  if (out === "silent") return { update: () => undefined };
  if (out === "notebook" || out === "auto") {
    const d = opts.display ?? tslabDisplay();
    if (d) return displaySink(d, out === "auto" ? fallbackSink() : undefined);
    if (out === "notebook")
      throw new RangeError('progress: no tslab kernel is running (use output "auto" outside notebooks)');
    return fallbackSink();
  }
  return out === "tty" ? ttySink() : linesSink();
}

/** A rewritten display entry; when the kernel turns out not to be ready, the fallback sink instead. */
function displaySink(d: ProgressDisplay, fallback: ProgressSink | undefined): ProgressSink {
  let target: ProgressSink | undefined;
  return {
    update(line, final) {
      if (target) return target.update(line, final);
      try {
        d.text(line);
      } catch (err) {
        // tslab is installed but no kernel is running: its display throws "Not ready".
        if (!fallback || !(err instanceof Error && err.message === "Not ready")) throw err;
        target = fallback;
        target.update(line, final);
      }
    },
  };
}

function fallbackSink(): ProgressSink {
  return process.stderr.isTTY ? ttySink() : linesSink();
}

function ttySink(): ProgressSink {
  return { update: (line, final) => void process.stderr.write(`\r${line}\x1b[K${final ? "\n" : ""}`) };
}

/** One line per quarter reached (for logs, where `\r` does not rewrite). */
function linesSink(): ProgressSink {
  let quarter = -1;
  return {
    update(line, final) {
      const m = /\((\d+) %\)/.exec(line);
      const q = final ? 4 : m ? Math.floor(Number(m[1]) / 25) : 0;
      if (q > quarter) {
        quarter = q;
        process.stderr.write(`${line}\n`);
      }
    },
  };
}

/** A new tslab display entry, or undefined when tslab is not installed. */
function tslabDisplay(): ProgressDisplay | undefined {
  try {
    // Loaded lazily so that the library does not need tslab at import time.
    const tslab = require("tslab") as { newDisplay?: () => ProgressDisplay };
    return typeof tslab.newDisplay === "function" ? tslab.newDisplay() : undefined;
  } catch {
    return undefined;
  }
}
