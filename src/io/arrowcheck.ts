/**
 * A structural check of Arrow IPC bytes before Apache Arrow JS sees them: Arrow JS 21 loops
 * forever on some damaged files (a message length that moves its reader backwards or nowhere;
 * found by test/fuzz). The check walks the encapsulated messages of the stream (or of the file's
 * embedded stream) and needs every length to stay inside the bytes.
 *
 * Format (https://arrow.apache.org/docs/format/Columnar.html#encapsulated-message-format): each
 * message is `<continuation: 0xFFFFFFFF> <metadata size: int32> <metadata: flatbuffer Message>
 * <body: Message.bodyLength bytes>`; a metadata size of 0 is the end of the stream. The file
 * format is `ARROW1`, padding to 8 bytes, the stream, the footer, `<footer size: int32>` and
 * `ARROW1`.
 */

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

/** Random access to the bytes being checked: `len` bytes from `pos` (fewer at the end). */
export type ReadAt = (pos: number, len: number) => Uint8Array;

const hasMagic = (b: Uint8Array) => b.length >= 6 && MAGIC.every((x, i) => b[i] === x);
const i32 = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true);

/**
 * `bodyLength` (field 3 of the flatbuffer `Message` table) of the metadata `m`, or a reason
 * when the flatbuffer points outside it. The union `header` takes fields 1 (type) and 2
 * (value); the header type must be 1–5 (Schema … SparseTensor).
 */
function messageBody(m: Uint8Array): number | string {
  const v = new DataView(m.buffer, m.byteOffset, m.byteLength);
  const inside = (p: number, n: number) => p >= 0 && p + n <= m.length;
  if (m.length < 4) return "message metadata shorter than a flatbuffer";
  const table = v.getUint32(0, true);
  if (!inside(table, 4)) return "a message table outside its metadata";
  const vtable = table - v.getInt32(table, true);
  if (!inside(vtable, 4)) return "a message vtable outside its metadata";
  const vtSize = v.getUint16(vtable, true);
  if (vtSize < 4 || !inside(vtable, vtSize)) return "a message vtable outside its metadata";
  const field = (k: number) => (4 + 2 * k + 2 <= vtSize ? v.getUint16(vtable + 4 + 2 * k, true) : 0);
  const typeAt = field(1);
  const type = typeAt === 0 ? 0 : inside(table + typeAt, 1) ? v.getUint8(table + typeAt) : -1;
  if (type < 1 || type > 5) return `a message of unknown header type ${type}`;
  const bodyAt = field(3);
  if (bodyAt === 0) return 0;
  if (!inside(table + bodyAt, 8)) return "a body length outside its metadata";
  const body = v.getBigInt64(table + bodyAt, true);
  if (body < 0n || body > BigInt(Number.MAX_SAFE_INTEGER)) return `a body length of ${body} bytes`;
  return Number(body);
}

/**
 * Why the `size` bytes read by `read` are not well-framed Arrow IPC (file or stream), or
 * undefined when they are. Reads only the framing and the message metadata, never a body.
 */
export function ipcFramingProblem(size: number, read: ReadAt): string | undefined {
  let p = 0;
  let end = size;
  if (hasMagic(read(0, 6))) {
    // file format: the footer size sits before the trailing magic
    if (size < 8 + 4 + 6 || !hasMagic(read(size - 6, 6))) return "an Arrow file without its closing ARROW1 magic";
    const footer = i32(read(size - 10, 4));
    if (footer <= 0 || footer > size - 10 - 8) return `a footer size of ${footer} bytes`;
    end = size - 10 - footer;
    p = 8;
  }
  while (p < end) {
    if (end - p < 4) return `a truncated message at byte ${p}`;
    let len = i32(read(p, 4));
    p += 4;
    if (len === -1) {
      if (end - p < 4) return `a truncated message at byte ${p}`;
      len = i32(read(p, 4));
      p += 4;
    }
    if (len === 0) return undefined; // end of stream
    if (len < 0 || len > end - p) return `a message metadata size of ${len} bytes at byte ${p - 4}`;
    const body = messageBody(read(p, len));
    if (typeof body === "string") return `${body} (message at byte ${p})`;
    p += len;
    if (body > end - p) return `a message body of ${body} bytes at byte ${p}, beyond the end`;
    p += body;
  }
  return undefined; // a stream without the end-of-stream marker (allowed by readers)
}

/** {@link ipcFramingProblem} of bytes in memory. */
export function arrowIpcProblem(b: Uint8Array): string | undefined {
  return ipcFramingProblem(b.length, (pos, len) => b.subarray(pos, Math.min(b.length, pos + len)));
}
