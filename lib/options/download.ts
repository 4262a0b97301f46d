/**
 * Saves text as a file from an extension page. A `data:` URL, not a `blob:` one: nothing is
 * fetched, and no object URL is left to revoke.
 */
export function downloadText(filename: string, text: string, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
  link.download = filename;
  link.rel = 'noopener';
  link.click();
}
