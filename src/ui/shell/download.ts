/** Saves text as a file through a temporary object URL: no network, works under file://. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name safe on every system, with today's date. */
export function datedFileName(stem: string, ext: string, now = new Date()): string {
  return `${stem.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60)}-${now.toISOString().slice(0, 10)}.${ext}`;
}
