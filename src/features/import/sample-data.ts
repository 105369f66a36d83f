/**
 * The files of sample-data/, bundled as static assets of the build (same origin: the CSP allows
 * fetching them). Sorted by name, as `npm run hearth -- report sample-data` reads the folder.
 */
const urls = import.meta.glob('/sample-data/*.{csv,tsv,zip,json,xls,txt}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export async function loadSampleFiles(): Promise<File[]> {
  const entries = Object.entries(urls).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    entries.map(async ([path, url]) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`sample file ${path} could not be loaded (${res.status})`);
      return new File([await res.blob()], path.split('/').pop()!);
    }),
  );
}
