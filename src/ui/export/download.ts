/**
 * Saving a file the browser way: a Blob, an object URL and a temporary <a download> clicked once. Nothing leaves
 * the machine. The URL is revoked a little later rather than at once, because some browsers still read the blob
 * after the click returns.
 */

/** Long enough for any browser to have started reading the blob; short enough not to hold memory for a lesson. */
const REVOKE_AFTER_MS = 10_000;

export const CSV_MIME = 'text/csv;charset=utf-8';

/** Saves `blob` as `name` in the user's downloads. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Saves `text` as `name`; CSV unless another MIME type is given. */
export function downloadText(name: string, text: string, mime: string = CSV_MIME): void {
  downloadBlob(name, new Blob([text], { type: mime }));
}
