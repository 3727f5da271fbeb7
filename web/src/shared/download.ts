/** Saves JSON as a file download (a signed document the person carries); pretty-printed: verification signs the canonical form, not these bytes. */
export function downloadJson(filename: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a licence's name and number, without characters file systems refuse. */
export function documentFilename(name: string, number: string): string {
  return `${name}-${number}`.replace(/[\\/:*?"<>|\s]+/g, '_') + '.json';
}
