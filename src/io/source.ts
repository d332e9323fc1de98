import { readFileSync } from "node:fs";
import { AozoraInputError, unreadableFile } from "./errors";

/** A file to read: a path, or in-memory bytes/text with a name used in messages. */
export type Source = string | { name: string; bytes: Uint8Array } | { name: string; text: string };

/** Load a source's bytes; a missing file is an {@link AozoraInputError}. */
export function loadBytes(src: Source): { name: string; bytes: Uint8Array } {
  if (typeof src !== "string") {
    if ("bytes" in src) return src;
    return { name: src.name, bytes: new TextEncoder().encode(src.text) };
  }
  try {
    return { name: src, bytes: readFileSync(src) };
  } catch (e) {
    throw unreadableFile(src, e);
  }
}

/** Header names a reader refuses: they collide with JavaScript object internals. */
export const FORBIDDEN_HEADERS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
]);
