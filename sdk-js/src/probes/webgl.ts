import { hash } from '../hash.js';
import type { Probe } from './probe.js';

const PARAMETERS = [
  'MAX_TEXTURE_SIZE', 'MAX_CUBE_MAP_TEXTURE_SIZE', 'MAX_RENDERBUFFER_SIZE', 'MAX_VERTEX_ATTRIBS', 'MAX_VERTEX_UNIFORM_VECTORS',
  'MAX_FRAGMENT_UNIFORM_VECTORS', 'MAX_VARYING_VECTORS', 'MAX_TEXTURE_IMAGE_UNITS', 'MAX_VERTEX_TEXTURE_IMAGE_UNITS',
  'MAX_COMBINED_TEXTURE_IMAGE_UNITS', 'ALIASED_LINE_WIDTH_RANGE', 'ALIASED_POINT_SIZE_RANGE', 'MAX_VIEWPORT_DIMS', 'SHADING_LANGUAGE_VERSION',
] as const;

/** The GPU as WebGL names it (unmasked when the browser allows), and a hash of its limits and extensions. */
export const webglProbe: Probe = () => {
  const canvas = document.createElement('canvas');
  // Nothing is drawn: the smallest drawing buffer makes the context cheapest to create.
  canvas.width = 1;
  canvas.height = 1;
  // The lightest context there is: no antialiasing, depth, stencil or alpha buffers to allocate.
  const attributes: WebGLContextAttributes = { antialias: false, depth: false, stencil: false, alpha: false, powerPreference: 'low-power' };
  const gl = (canvas.getContext('webgl', attributes) || canvas.getContext('experimental-webgl', attributes)) as WebGLRenderingContext | null;
  if (!gl) return {};
  try {
    return readGpu(gl);
  } finally {
    // Free the context now rather than at garbage collection, also when reading it threw (an extension
    // blocking it): browsers keep few live WebGL contexts per page (16 in desktop Chromium) and, past that, take
    // the oldest away, which may be the page's own map or 3D view, and the probe runs on every evaluation.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
};

/** What the probe reports of a live context: may throw where the context is blocked. */
function readGpu(gl: WebGLRenderingContext): Record<string, string> {
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const vendor = debug ? gl.getParameter(debug.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR);
  const renderer = debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  const values: string[] = [];
  for (const name of PARAMETERS) {
    const value = gl.getParameter((gl as unknown as Record<string, number>)[name]);
    values.push(`${name}=${value && typeof value === 'object' ? Array.from(value as ArrayLike<number>).join(',') : String(value)}`);
  }
  for (const shader of [gl.VERTEX_SHADER, gl.FRAGMENT_SHADER]) {
    for (const precision of [gl.LOW_FLOAT, gl.MEDIUM_FLOAT, gl.HIGH_FLOAT]) {
      const format = gl.getShaderPrecisionFormat(shader, precision);
      if (format) values.push(`${shader}/${precision}=${format.rangeMin},${format.rangeMax},${format.precision}`);
    }
  }
  values.push((gl.getSupportedExtensions() || []).slice().sort().join(','));
  const result: Record<string, string> = { webgl_params: hash(values.join(';')) };
  if (typeof vendor === 'string' && vendor) result.webgl_vendor = vendor;
  if (typeof renderer === 'string' && renderer) result.webgl_renderer = renderer;
  return result;
}
