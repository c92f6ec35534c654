// Turning a widget's live SVG diagram into files: a standalone SVG (its look
// copied from the computed styles, since the shadow root's stylesheet and
// theme variables do not travel with it) and a PNG drawn from that SVG.
//
// Content-Security-Policy: pages allow `img-src 'self' data:`, not blob:, so
// the SVG reaches the <img> that the canvas draws as a data: URL. The finished
// files are handed to the reader through blob: links with `download`, which is
// a download, not an image load, so img-src does not apply.

const SVG_NS = 'http://www.w3.org/2000/svg';

// What a diagram's look depends on; each is copied as an inline style.
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
];

/** The viewBox of an SVG element as { x, y, width, height } (its box when it has none). */
function viewBox(svg) {
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { x: vb.x, y: vb.y, width: vb.width, height: vb.height };
  const box = svg.getBoundingClientRect();
  return { x: 0, y: 0, width: Math.max(1, box.width), height: Math.max(1, box.height) };
}

/**
 * A standalone SVG document of a diagram as shown now, on a background of the
 * given colour. Returns { text, width, height } (size in user units).
 */
export function svgDocument(svg, background) {
  const box = viewBox(svg);
  const copy = svg.cloneNode(true);
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((node, i) => {
    const style = getComputedStyle(node);
    const target = copies[i];
    if (style.display === 'none') {
      target.setAttribute('display', 'none');
      return;
    }
    target.setAttribute('style', PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
    target.removeAttribute('class');
    target.removeAttribute('part');
  });
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  const back = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of Object.entries({
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    fill: background,
  })) {
    back.setAttribute(name, String(value));
  }
  copy.prepend(back);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
  return { text, width: box.width, height: box.height };
}

/** A PNG Blob of an SVG document, drawn at `scale` pixels per user unit. */
export async function pngBlob({ text, width, height }, scale = 2) {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not make the PNG'))),
      'image/png',
    );
  });
}

/** Offers a Blob to the reader as a file download named `filename`. */
export function download(parent, blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is only kept a little for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** A file name from a widget's id or tag: only letters, digits, - and _. */
export function fileName(base, extension) {
  const clean =
    String(base)
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'neuronlab';
  return `${clean}.${extension}`;
}
