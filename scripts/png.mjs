// The header of a PNG (its IHDR chunk): enough to check an icon's size without an image library.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Width, height, bit depth and colour type of a PNG (colour type 6 = RGBA). Throws if the bytes
 * are not a PNG.
 * @param {Buffer} png
 * @returns {{ width: number, height: number, bitDepth: number, colorType: number }}
 */
export function pngHeader(png) {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE))
    throw new Error('not a PNG file (bad signature)');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file (no IHDR first)');
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bitDepth: png.readUInt8(24),
    colorType: png.readUInt8(25),
  };
}
