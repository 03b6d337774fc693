/**
 * "Download": the timeline as a standalone SVG or PNG, and any file handed to the browser. The
 * SVG carries its styles inline (the page's stylesheet does not travel with the file).
 */

/** Style properties an SVG needs to look the same without the page's stylesheet. */
const SVG_STYLE = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'stroke-linejoin',
  'stroke-linecap',
  'letter-spacing',
  'visibility',
  'display',
] as const;

/** A lane's name beside the chart (drawn in HTML on the page), placed at its vertical middle. */
export interface LaneLabel {
  text: string;
  y: number;
}

/** Width of the lane-name column in an exported timeline. */
const LABEL_WIDTH = 110;

/** The lane names drawn next to a timeline chart on the page, read from its frame. */
export function laneLabels(svg: SVGSVGElement): LaneLabel[] {
  const names = svg.closest('.tl-frame')?.querySelectorAll<HTMLElement>('.tl-lane-name') ?? [];
  return [...names].map((el) => ({ text: el.textContent ?? '', y: el.offsetTop + el.offsetHeight / 2 }));
}

/**
 * A standalone SVG document of `svg`, each element's computed style written inline, with the
 * lane names (`labels`) in a column on its left.
 */
export function svgMarkup(svg: SVGSVGElement, labels: readonly LaneLabel[] = []): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const computed = getComputedStyle(el);
    const style = SVG_STYLE.map((p) => `${p}:${computed.getPropertyValue(p)}`)
      .filter((d) => !d.endsWith(':'))
      .join(';');
    copies[i]?.setAttribute('style', style);
  });
  copy.removeAttribute('class');
  const ns = 'http://www.w3.org/2000/svg';
  const { width, height } = svg.viewBox.baseVal;
  const out = document.createElementNS(ns, 'svg');
  const total = width + (labels.length ? LABEL_WIDTH : 0);
  out.setAttribute('xmlns', ns);
  out.setAttribute('width', String(total));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${total} ${height}`);
  const font = getComputedStyle(svg).getPropertyValue('font-family') || 'sans-serif';
  for (const label of labels) {
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', '6');
    text.setAttribute('y', String(label.y));
    text.setAttribute('style', `font-family:${font};font-size:13px;font-weight:600;fill:#1d232b;dominant-baseline:middle`);
    text.textContent = label.text;
    out.appendChild(text);
  }
  copy.setAttribute('x', String(labels.length ? LABEL_WIDTH : 0));
  copy.removeAttribute('role');
  out.appendChild(copy);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
}

/** An SVG document (from {@link svgMarkup}) drawn at `scale` on a white background, as a PNG. */
export async function svgPng(markup: string, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw an image');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(image.src);
  }
}

/** Hands `blob` to the browser as a download named `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click has started the download; the URL can go once it has been read.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
