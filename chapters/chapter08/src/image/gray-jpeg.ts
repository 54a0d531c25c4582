// A baseline JPEG encoder for gray images, as libjpeg writes them with OpenCV's defaults: one
// component, the standard luminance quantisation table scaled to the quality, the standard
// Huffman tables. Written here because mozjpeg's encoder (WebAssembly, jpeg.ts) took 0.7 ms per
// 78 x 55 tile, five times cv2.imwrite, in a trellis search that is no part of the book's
// workload. Colour images still go through mozjpeg.
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

type Code = [code: number, length: number];

/** Canonical Huffman codes from the counts per length: symbol -> [code, length]. */
function huffmanCodes(bits: number[], values: number[]): Code[] {
  const codes: Code[] = [];
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (bits[length - 1] as number); i++) {
      codes[values[k++] as number] = [code++, length];
    }
    code <<= 1;
  }
  return codes;
}
const DC_CODES = huffmanCodes(DC_BITS, DC_VALUES);
const AC_CODES = huffmanCodes(AC_BITS, AC_VALUES);

/** libjpeg's quality scaling (jpeg_quality_scaling), limited to baseline's 1..255. */
function quantisationTable(quality: number): number[] {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return LUMINANCE.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
}

/** The 8-point DCT as a matrix: row u, column x holds C(u) / 2 cos((2x + 1) u pi / 16). */
const DCT = Float64Array.from({ length: 64 }, (_, i) => {
  const u = i >> 3;
  const x = i & 7;
  return (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
});

/** Entropy-coded bits, packed into bytes, a 0x00 stuffed after every 0xFF. */
class BitWriter {
  readonly bytes: number[] = [];
  #buffer = 0;
  #count = 0;

  write([code, length]: Code): void {
    for (let bit = length - 1; bit >= 0; bit--) {
      this.#buffer = (this.#buffer << 1) | ((code >> bit) & 1);
      this.#count += 1;
      if (this.#count === 8) {
        this.bytes.push(this.#buffer);
        if (this.#buffer === 0xff) this.bytes.push(0);
        this.#buffer = 0;
        this.#count = 0;
      }
    }
  }

  /** Pads the last byte with 1 bits. */
  finish(): void {
    if (this.#count > 0) this.write([(1 << (8 - this.#count)) - 1, 8 - this.#count]);
  }
}

/** A value's JPEG category (the bit length of |v|) and the bits that follow its code. */
function magnitude(v: number): Code {
  let size = 0;
  for (let a = Math.abs(v); a > 0; a >>= 1) size++;
  return [v < 0 ? v + (1 << size) - 1 : v, size];
}

/** A gray image as the bytes of a baseline JPEG file of that quality (1 to 100). */
export function encodeGrayJpeg(im: Image, quality = 95): Uint8Array {
  if (im.channels !== 1) throw new TypeError('encodeGrayJpeg() takes a gray image');
  const { rows, cols, data } = im;
  const table = quantisationTable(quality);
  const out = new BitWriter();
  const block = new Float64Array(64);
  const temp = new Float64Array(64);
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
      for (let y = 0; y < 8; y++) {
        for (let u = 0; u < 8; u++) {
          let sum = 0;
          for (let x = 0; x < 8; x++)
            sum += (DCT[u * 8 + x] as number) * (block[y * 8 + x] as number);
          temp[y * 8 + u] = sum;
        }
      }
      for (let v = 0; v < 8; v++) {
        for (let u = 0; u < 8; u++) {
          let sum = 0;
          for (let y = 0; y < 8; y++)
            sum += (DCT[v * 8 + y] as number) * (temp[y * 8 + u] as number);
          block[v * 8 + u] = sum;
        }
      }
      // Quantised; the DC as a difference from the previous block's, the ACs in zigzag order as
      // (run of zeros, category) symbols.
      const dc = Math.round((block[0] as number) / (table[0] as number));
      const [dcBits, dcSize] = magnitude(dc - previousDc);
      previousDc = dc;
      out.write(DC_CODES[dcSize] as Code);
      out.write([dcBits, dcSize]);
      let run = 0;
      for (let k = 1; k < 64; k++) {
        const at = ZIGZAG[k] as number;
        const ac = Math.round((block[at] as number) / (table[at] as number));
        if (ac === 0) {
          run++;
          continue;
        }
        for (; run > 15; run -= 16) out.write(AC_CODES[0xf0] as Code);
        const [bits, size] = magnitude(ac);
        out.write(AC_CODES[(run << 4) | size] as Code);
        out.write([bits, size]);
        run = 0;
      }
      if (run > 0) out.write(AC_CODES[0x00] as Code);
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
  const file = new Uint8Array(header.length + out.bytes.length + 2);
  file.set(header);
  file.set(out.bytes, header.length);
  file.set([0xff, 0xd9], header.length + out.bytes.length); // EOI
  return file;
}
