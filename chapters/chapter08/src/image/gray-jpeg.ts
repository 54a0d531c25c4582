// A baseline JPEG encoder for gray images, as libjpeg writes them with OpenCV's defaults: one
// component, the standard luminance quantisation table scaled to the quality, libjpeg's accurate
// integer DCT and its rounding, the standard Huffman tables. Its files equal cv2.imwrite's byte
// for byte (test/opencv.test.ts). Written here because mozjpeg's encoder (WebAssembly, jpeg.ts)
// took 0.7 ms per 78 x 55 tile, five times cv2.imwrite, in a trellis search that is no part of the
// book's workload; this one takes under 0.1 ms once warm. Colour images still go through mozjpeg.
import type { Image } from './image.js';

/** The standard luminance quantisation table (JPEG Annex K.1), in natural order. */
const LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
  14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113,
  92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** Zigzag position -> natural index in the 8 x 8 block. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
  13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
  45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/** The standard luminance Huffman tables (Annex K.3): code counts per length 1..16, symbols. */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_VALUES = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
  0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
  0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
  0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
  0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
  0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
  0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
  0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
  0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
  0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
  0xf9, 0xfa,
];

/** Canonical Huffman codes from the counts per length: each symbol's code and its length. */
function huffmanCodes(bits: number[], values: number[]) {
  const codes = new Uint16Array(256);
  const lengths = new Uint8Array(256);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (bits[length - 1] as number); i++) {
      const symbol = values[k++] as number;
      codes[symbol] = code++;
      lengths[symbol] = length;
    }
    code <<= 1;
  }
  return { codes, lengths };
}
const DC = huffmanCodes(DC_BITS, DC_VALUES);
const AC = huffmanCodes(AC_BITS, AC_VALUES);

/** libjpeg's quality scaling (jpeg_quality_scaling), limited to baseline's 1..255. */
function quantisationTable(quality: number): Float64Array {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return Float64Array.from(LUMINANCE, (q) =>
    Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))),
  );
}

// libjpeg's accurate integer DCT (jfdctint.c, jpeg_fdct_islow): 13-bit fixed-point constants, two
// extra bits of precision kept between the passes; its outputs are 8 times the true coefficients.
const CONST_BITS = 13;
const PASS1_BITS = 2;
const FIX_0_298631336 = 2446;
const FIX_0_390180644 = 3196;
const FIX_0_541196100 = 4433;
const FIX_0_765366865 = 6270;
const FIX_0_899976223 = 7373;
const FIX_1_175875602 = 9633;
const FIX_1_501321110 = 12299;
const FIX_1_847759065 = 15137;
const FIX_1_961570560 = 16069;
const FIX_2_053119869 = 16819;
const FIX_2_562915447 = 20995;
const FIX_3_072711026 = 25172;

/**
 * The 8 values at `data[at]`, `data[at + step]`, ... transformed in place: one pass of
 * jpeg_fdct_islow, its results shifted right by `shift` (rounded), the DC and 4th ones by
 * `dcShift` (a left shift when negative).
 */
function fdct8(data: Int32Array, at: number, step: number, shift: number, dcShift: number): void {
  const d0 = data[at] as number;
  const d1 = data[at + step] as number;
  const d2 = data[at + 2 * step] as number;
  const d3 = data[at + 3 * step] as number;
  const d4 = data[at + 4 * step] as number;
  const d5 = data[at + 5 * step] as number;
  const d6 = data[at + 6 * step] as number;
  const d7 = data[at + 7 * step] as number;
  const round = 1 << (shift - 1);

  // The even part.
  const tmp10 = d0 + d7 + d3 + d4;
  const tmp13 = d0 + d7 - d3 - d4;
  const tmp11 = d1 + d6 + d2 + d5;
  const tmp12 = d1 + d6 - d2 - d5;
  if (dcShift < 0) {
    data[at] = (tmp10 + tmp11) << -dcShift;
    data[at + 4 * step] = (tmp10 - tmp11) << -dcShift;
  } else {
    const dcRound = 1 << (dcShift - 1);
    data[at] = (tmp10 + tmp11 + dcRound) >> dcShift;
    data[at + 4 * step] = (tmp10 - tmp11 + dcRound) >> dcShift;
  }
  const z1 = (tmp12 + tmp13) * FIX_0_541196100;
  data[at + 2 * step] = (z1 + tmp13 * FIX_0_765366865 + round) >> shift;
  data[at + 6 * step] = (z1 - tmp12 * FIX_1_847759065 + round) >> shift;

  // The odd part.
  const tmp4 = d3 - d4;
  const tmp5 = d2 - d5;
  const tmp6 = d1 - d6;
  const tmp7 = d0 - d7;
  const z5 = (tmp4 + tmp6 + tmp5 + tmp7) * FIX_1_175875602;
  const w1 = (tmp4 + tmp7) * -FIX_0_899976223;
  const w2 = (tmp5 + tmp6) * -FIX_2_562915447;
  const w3 = (tmp4 + tmp6) * -FIX_1_961570560 + z5;
  const w4 = (tmp5 + tmp7) * -FIX_0_390180644 + z5;
  data[at + 7 * step] = (tmp4 * FIX_0_298631336 + w1 + w3 + round) >> shift;
  data[at + 5 * step] = (tmp5 * FIX_2_053119869 + w2 + w4 + round) >> shift;
  data[at + 3 * step] = (tmp6 * FIX_3_072711026 + w2 + w3 + round) >> shift;
  data[at + step] = (tmp7 * FIX_1_501321110 + w1 + w4 + round) >> shift;
}

/**
 * Entropy-coded bits, packed into bytes, a 0x00 stuffed after every 0xFF. Whole codes go into a
 * bit accumulator and whole bytes come out of it (a tile's bits, one at a time, were the
 * encoder's slowest part).
 */
class BitWriter {
  bytes = new Uint8Array(4096);
  length = 0;
  #buffer = 0;
  #count = 0;

  /** Appends the low `length` bits of `code` (at most 16), most significant first. */
  write(code: number, length: number): void {
    this.#buffer = ((this.#buffer << length) | (code & ((1 << length) - 1))) >>> 0;
    this.#count += length;
    while (this.#count >= 8) {
      this.#count -= 8;
      const byte = (this.#buffer >>> this.#count) & 0xff;
      this.#push(byte);
      if (byte === 0xff) this.#push(0);
    }
    this.#buffer &= (1 << this.#count) - 1;
  }

  #push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }

  /** Pads the last byte with 1 bits. */
  finish(): void {
    if (this.#count > 0) this.write((1 << (8 - this.#count)) - 1, 8 - this.#count);
  }
}

/** A value's JPEG category: the bit length of |v|. */
const category = (v: number) => 32 - Math.clz32(Math.abs(v));

/** Writes a value's category's Huffman code, then its bits (v - 1 in that many bits if negative). */
function writeValue(
  out: BitWriter,
  codes: Uint16Array,
  lengths: Uint8Array,
  symbol: number,
  v: number,
  size: number,
): void {
  out.write(codes[symbol] as number, lengths[symbol] as number);
  if (size > 0) out.write(v < 0 ? v + (1 << size) - 1 : v, size);
}

/** A coefficient divided by its divisor, rounded half away from zero, as libjpeg quantises. */
function quantise(value: number, divisor: number): number {
  const quotient = Math.trunc((Math.abs(value) + (divisor >> 1)) / divisor);
  return value < 0 ? -quotient : quotient;
}

/** A gray image as the bytes of a baseline JPEG file of that quality (1 to 100). */
export function encodeGrayJpeg(im: Image, quality = 95): Uint8Array {
  if (im.channels !== 1) throw new TypeError('encodeGrayJpeg() takes a gray image');
  const { rows, cols, data } = im;
  const table = quantisationTable(quality);
  const out = new BitWriter();
  const block = new Int32Array(64);
  // libjpeg's divisors: the table times 8, the scale of the DCT's outputs.
  const divisors = table.map((q) => q * 8);
  let previousDc = 0;

  for (let by = 0; by < rows; by += 8) {
    for (let bx = 0; bx < cols; bx += 8) {
      // The block, level-shifted; past the edges the last row and column are repeated.
      for (let y = 0; y < 8; y++) {
        const row = Math.min(by + y, rows - 1) * cols;
        for (let x = 0; x < 8; x++) {
          block[y * 8 + x] = (data[row + Math.min(bx + x, cols - 1)] as number) - 128;
        }
      }
      // The 2-D DCT: along the rows, then along the columns.
      for (let y = 0; y < 8; y++) fdct8(block, y * 8, 1, CONST_BITS - PASS1_BITS, -PASS1_BITS);
      for (let x = 0; x < 8; x++) fdct8(block, x, 8, CONST_BITS + PASS1_BITS, PASS1_BITS);
      // Quantised; the DC as a difference from the previous block's, the ACs in zigzag order as
      // (run of zeros, category) symbols.
      const dc = quantise(block[0] as number, divisors[0] as number);
      const difference = dc - previousDc;
      const dcSize = category(difference);
      writeValue(out, DC.codes, DC.lengths, dcSize, difference, dcSize);
      previousDc = dc;
      let run = 0;
      for (let k = 1; k < 64; k++) {
        const at = ZIGZAG[k] as number;
        const ac = quantise(block[at] as number, divisors[at] as number);
        if (ac === 0) {
          run++;
          continue;
        }
        for (; run > 15; run -= 16) out.write(AC.codes[0xf0] as number, AC.lengths[0xf0] as number);
        const size = category(ac);
        writeValue(out, AC.codes, AC.lengths, (run << 4) | size, ac, size);
        run = 0;
      }
      if (run > 0) out.write(AC.codes[0x00] as number, AC.lengths[0x00] as number);
    }
  }
  out.finish();

  const header = [
    ...[0xff, 0xd8], // SOI
    ...[0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0], // APP0 JFIF 1.01
    ...[0xff, 0xdb, 0, 67, 0x00, ...ZIGZAG.map((at) => table[at] as number)], // DQT, table 0
    ...[0xff, 0xc0, 0, 11, 8, rows >> 8, rows & 0xff, cols >> 8, cols & 0xff, 1, 1, 0x11, 0], // SOF0
    ...[0xff, 0xc4, 0, 3 + 16 + DC_VALUES.length, 0x00, ...DC_BITS, ...DC_VALUES], // DHT, DC 0
    ...[0xff, 0xc4, 0, 3 + 16 + AC_VALUES.length, 0x10, ...AC_BITS, ...AC_VALUES], // DHT, AC 0
    ...[0xff, 0xda, 0, 8, 1, 1, 0x00, 0, 63, 0], // SOS: one component, tables 0, 0
  ];
  const file = new Uint8Array(header.length + out.length + 2);
  file.set(header);
  file.set(out.bytes.subarray(0, out.length), header.length);
  file.set([0xff, 0xd9], header.length + out.length); // EOI
  return file;
}
