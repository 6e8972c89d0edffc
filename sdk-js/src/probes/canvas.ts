import { hashBytes } from '../hash.js';
import type { Probe } from './probe.js';

/** A fixed 2D drawing: text with an emoji, two fonts, a gradient and arcs. Its pixels vary with OS, fonts and rasteriser. */
export const canvasProbe: Probe = () => {
  const canvas = document.createElement('canvas');
  canvas.width = 240;
  canvas.height = 60;
  // A CPU-backed canvas: reading its pixels back costs no GPU round trip (the slowest part otherwise).
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return {};
  const gradient = context.createLinearGradient(0, 0, 240, 0);
  gradient.addColorStop(0, '#f60');
  gradient.addColorStop(1, '#069');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 240, 60);
  context.textBaseline = 'alphabetic';
  context.fillStyle = '#1d2330';
  context.font = '16px "Times New Roman", serif';
  context.fillText('Seatguard, <canvas> 1.0 😃', 4, 22);
  context.font = 'bold 14px Arial, sans-serif';
  context.fillStyle = 'rgba(102, 204, 0, 0.7)';
  context.fillText('Cwm fjordbank glyphs vext quiz', 6, 46);
  context.globalCompositeOperation = 'multiply';
  context.beginPath();
  context.arc(200, 30, 22, 0, Math.PI * 2);
  context.fillStyle = 'rgb(255, 0, 255)';
  context.fill();
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  // A blank or blocked canvas (all one value) is no signal.
  let varied = false;
  for (let i = 4; i < pixels.length && !varied; i += 4) varied = pixels[i] !== pixels[0];
  return varied ? { canvas: hashBytes(pixels) } : {};
};
