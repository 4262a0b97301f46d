// Reading the zips `npm run zip` writes, without a zip library: WXT writes plain zips (no zip64,
// stored or deflated entries), which the central directory describes in a few fields.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * The files in a zip, by path (folders left out), with their contents.
 * @param {string | Buffer} zip a path or the zip's bytes
 * @returns {Map<string, Buffer>}
 */
export function readZip(zip) {
  const bytes = typeof zip === 'string' ? readFileSync(zip) : zip;
  // The end-of-central-directory record is in the last 22 bytes plus an optional comment.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw new Error('not a zip file (no end-of-central-directory record)');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map();
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeader = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (bytes.readUInt32LE(localHeader) !== 0x04034b50)
      throw new Error(`corrupt zip entry ${name}`);
    const dataStart =
      localHeader +
      30 +
      bytes.readUInt16LE(localHeader + 26) +
      bytes.readUInt16LE(localHeader + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) files.set(name, Buffer.from(data));
    else if (method === 8) files.set(name, inflateRawSync(data));
    else throw new Error(`zip entry ${name} uses compression method ${method}`);
  }
  return files;
}

/**
 * Writes a zip's files under `dir` (which must be empty or absent). Returns `dir`.
 * @param {string} zip
 * @param {string} dir
 */
export function unpackZip(zip, dir) {
  const root = resolve(dir);
  for (const [name, data] of readZip(zip)) {
    const path = resolve(root, name);
    if (!path.startsWith(root + sep))
      throw new Error(`zip entry ${name} points outside the folder`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  return root;
}
