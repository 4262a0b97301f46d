// Reading an X Window Dump (XWD), the format Xvfb keeps its screen in with `-fbdir` (and `xwd`
// writes): the toolbar screenshot reads the virtual screen this way, with no capture tool.

/**
 * The screen or window size an XWD file holds.
 * @param {Buffer} xwd
 */
export function xwdSize(xwd) {
  return { width: xwd.readUInt32BE(16), height: xwd.readUInt32BE(20) };
}

/**
 * The pixels of a TrueColor ZPixmap XWD (24-bit depth in 32-bit pixels, as Xvfb writes), as RGBA.
 * @param {Buffer} xwd
 * @returns {{ width: number, height: number, rgba: Uint8Array }}
 */
export function readXwd(xwd) {
  const field = (i) => xwd.readUInt32BE(i * 4);
  const [headerSize, version, format] = [field(0), field(1), field(2)];
  if (version !== 7 || format !== 2) throw new Error('not a version-7 ZPixmap XWD file');
  const [width, height, byteOrder, bitsPerPixel, bytesPerLine] = [
    field(4),
    field(5),
    field(7),
    field(11),
    field(12),
  ];
  const masks = [field(14), field(15), field(16)];
  if (bitsPerPixel !== 32) throw new Error(`XWD with ${bitsPerPixel} bits per pixel, expected 32`);
  const shift = (mask) => 31 - Math.clz32(mask & -mask);
  const shifts = masks.map(shift);
  const start = headerSize + field(19) * 12; // after the header and the colour map
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = start + y * bytesPerLine + x * 4;
      const pixel = byteOrder === 0 ? xwd.readUInt32LE(at) : xwd.readUInt32BE(at);
      const out = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) rgba[out + c] = (pixel & masks[c]) >>> shifts[c];
      rgba[out + 3] = 255;
    }
  return { width, height, rgba };
}

/**
 * A rectangle of RGBA pixels.
 * @param {{ width: number, height: number, rgba: Uint8Array }} image
 * @param {{ x: number, y: number, width: number, height: number }} box
 */
export function crop(image, box) {
  const rgba = new Uint8Array(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++)
    rgba.set(
      image.rgba.subarray(
        ((box.y + y) * image.width + box.x) * 4,
        ((box.y + y) * image.width + box.x + box.width) * 4,
      ),
      y * box.width * 4,
    );
  return { width: box.width, height: box.height, rgba };
}
