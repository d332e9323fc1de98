import { accessSync, constants, lstatSync, statSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import type { FsCheck } from "./options";
import { fileKindOf } from "../io/source";

/**
 * A file-system problem with a path given on the command line (missing, a directory where a file
 * is expected, an existing file where a folder is expected, no permission, a dangling symbolic
 * link). The CLI prints `aozora <verb>: <path>: expected …, found …` and exits with 2: it is an
 * input error, reported before anything is computed.
 */
export class CliFsError extends Error {
  /** The path as given. */
  readonly path: string;
  /**
   * @param path the path as given on the command line (or met while reading).
   * @param expected what the verb needs there.
   * @param found what is there.
   */
  constructor(path: string, expected: string, found: string) {
    super(`${path}: expected ${expected}, found ${found}`);
    this.name = "CliFsError";
    this.path = path;
  }
}

const FS_CODES: Record<string, string> = {
  ENOENT: "nothing (no such file or directory)",
  ENOTDIR: "a file where a folder is expected in the path",
  EISDIR: "a directory",
  EEXIST: "an existing file",
  EACCES: "no permission",
  EPERM: "no permission (operation not permitted)",
  ELOOP: "a symbolic link loop",
  EROFS: "a read-only file system",
  ENOSPC: "no space left on the device",
  ENAMETOOLONG: "a name that is too long",
  EMFILE: "too many open files",
};

/**
 * A Node.js file-system error (`code` such as ENOENT, EISDIR, EACCES, with `path`) as a
 * {@link CliFsError}, or undefined when `e` is not one.
 *
 * @param e anything thrown.
 * @returns the one-line error naming the path, or undefined.
 */
export function fsErrorOf(e: unknown): CliFsError | undefined {
  if (e instanceof CliFsError) return e;
  if (typeof e !== "object" || e === null) return undefined;
  const { code, path, syscall } = e as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== "string" || !(code in FS_CODES)) return undefined;
  const p = typeof path === "string" ? path : "(path unknown)";
  let found = FS_CODES[code];
  if (code === "ENOENT" && typeof path === "string") {
    try {
      if (lstatSync(path).isSymbolicLink()) found = "a dangling symbolic link";
    } catch {
      // really nothing there
    }
  }
  const want = /^(open|read|stat|lstat|scandir|opendir|access|realpath)/.test(String(syscall))
    ? "a readable path"
    : "a writable path";
  return new CliFsError(p, want, found);
}

function lstat(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT" || (e as { code?: string }).code === "ENOTDIR") return undefined;
    throw fsErrorOf(e) ?? e;
  }
}

/** `stat` through symbolic links; a link whose target is missing is reported as dangling. */
function target(p: string, expected: string): Stats | undefined {
  const l = lstat(p);
  if (!l) return undefined;
  if (!l.isSymbolicLink()) return l;
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliFsError(p, expected, "a dangling symbolic link");
    throw fsErrorOf(e) ?? e;
  }
}

function canAccess(p: string, mode: number): boolean {
  try {
    accessSync(p, mode);
    return true;
  } catch {
    return false;
  }
}

/** The nearest existing ancestor of a path that does not exist, checked to be a writable directory. */
function checkCreatable(p: string, expected: string): void {
  let dir = dirname(resolve(p));
  for (;;) {
    const s = target(dir, expected);
    if (s) {
      if (!s.isDirectory()) throw new CliFsError(p, expected, `${dir} is ${fileKindOf(s)}, not a directory`);
      if (!canAccess(dir, constants.W_OK | constants.X_OK))
        throw new CliFsError(p, expected, `no permission to write in ${dir}`);
      return;
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/**
 * Check one path given on the command line before the verb computes anything.
 *
 * - `input-file`: a regular, readable file (not missing, not a directory, FIFO or device, not a
 *   dangling symbolic link).
 * - `input-dir`: a readable directory. `input-file-or-dir`: either.
 * - `output-file`: not a directory; an existing file must be writable (it is overwritten);
 *   otherwise the nearest existing folder above it must be a writable directory.
 * - `output-dir`: a writable directory, or a path that can be created (no file in the way).
 *
 * @param path the path as given.
 * @param check what the verb needs there.
 * @throws {CliFsError} naming the path, what was expected and what was found.
 */
export function checkPath(path: string, check: FsCheck): void {
  const expected = {
    "input-file": "a readable file",
    "input-dir": "a readable directory",
    "input-file-or-dir": "a readable file or directory",
    "output-file": "a path to write a file to",
    "output-dir": "a directory to write into (or a path to create one)",
  }[check];
  const s = target(path, expected);
  if (check.startsWith("input")) {
    if (!s) throw new CliFsError(path, expected, "nothing (no such file or directory)");
    const okKind =
      check === "input-file" ? s.isFile() : check === "input-dir" ? s.isDirectory() : s.isFile() || s.isDirectory();
    if (!okKind) throw new CliFsError(path, expected, fileKindOf(s));
    if (!canAccess(path, constants.R_OK | (s.isDirectory() ? constants.X_OK : 0)))
      throw new CliFsError(path, expected, `${fileKindOf(s)} without read permission`);
    return;
  }
  if (check === "output-file") {
    if (!s) return checkCreatable(path, expected);
    if (!s.isFile()) throw new CliFsError(path, expected, fileKindOf(s));
    if (!canAccess(path, constants.W_OK)) throw new CliFsError(path, expected, "a file without write permission");
    return;
  }
  if (!s) return checkCreatable(path, expected);
  if (!s.isDirectory()) throw new CliFsError(path, expected, `${fileKindOf(s)} (it exists and is not a directory)`);
  if (!canAccess(path, constants.W_OK | constants.X_OK))
    throw new CliFsError(path, expected, "a directory without write permission");
}
