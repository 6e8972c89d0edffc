import type { Probe } from './probe.js';

/** The screen (larger side first, so rotating a phone changes nothing), colour depth and pixel ratio. */
export const screenProbe: Probe = () => {
  const { width, height, colorDepth } = window.screen;
  const result: Record<string, string | number> = {};
  if (width > 0 && height > 0) result.screen = `${Math.max(width, height)}x${Math.min(width, height)}`;
  if (colorDepth > 0) result.color_depth = colorDepth;
  if (window.devicePixelRatio > 0) result.pixel_ratio = Math.round(window.devicePixelRatio * 100) / 100;
  return result;
};
