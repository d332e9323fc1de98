/**
 * Text → Shift_JIS bytes without a dependency: the table is the inverse of the platform's WHATWG
 * `shift_jis` decoder (Node's ICU), built once by decoding every single byte and every lead/trail
 * pair, so that `decodeText(encodeShiftJis(s), f, "shift_jis") === s` for every character the
 * encoding has (the round trip is what the simulators need).
 */
let TABLE: Map<string, number[]> | undefined;

function table(): Map<string, number[]> {
  if (TABLE) return TABLE;
  const dec = new TextDecoder("shift_jis", { fatal: true });
  const t = new Map<string, number[]>();
  const put = (bytes: number[]) => {
    let s: string;
    try {
      s = dec.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    if ([...s].length === 1 && !t.has(s)) t.set(s, bytes);
  };
  for (let b = 0; b < 0x80; b++) put([b]);
  for (let b = 0xa1; b <= 0xdf; b++) put([b]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) put([lead, trail]);
  }
  TABLE = t;
  return t;
}

/**
 * Encode text as Shift_JIS (the WHATWG `shift_jis` encoding, as Japanese Excel and the Japanese
 * agencies' download pages write it).
 * @throws {RangeError} for a character Shift_JIS cannot represent (naming it and its index)
 */
export function encodeShiftJis(text: string): Uint8Array {
  const t = table();
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    const b = t.get(ch);
    if (b === undefined)
      throw new RangeError(
        `encodeShiftJis: "${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}) at index ${i} has no Shift_JIS code`,
      );
    for (const x of b) out.push(x);
    i += ch.length;
  }
  return Uint8Array.from(out);
}
