import { hash } from '../hash.js';
import type { Probe } from './probe.js';

// Two fallbacks catch nearly every font (a font absent from both differs from at least one): a third costs a third more time.
const FALLBACKS = ['monospace', 'sans-serif'] as const;
const CANDIDATES = [
  'Arial', 'Arial Black', 'Arial Narrow', 'Bahnschrift', 'Calibri', 'Cambria', 'Cambria Math', 'Candara', 'Comic Sans MS', 'Consolas',
  'Constantia', 'Corbel', 'Courier New', 'Ebrima', 'Franklin Gothic Medium', 'Gabriola', 'Gadugi', 'Georgia', 'Impact', 'Leelawadee UI',
  'Lucida Console', 'Lucida Sans Unicode', 'Malgun Gothic', 'Marlett', 'Microsoft Sans Serif', 'MS Gothic', 'Palatino Linotype',
  'Segoe Print', 'Segoe Script', 'Segoe UI', 'Sylfaen', 'Tahoma', 'Times New Roman', 'Trebuchet MS', 'Verdana', 'Yu Gothic',
  'American Typewriter', 'Avenir', 'Avenir Next', 'Baskerville', 'Futura', 'Geneva', 'Gill Sans', 'Helvetica', 'Helvetica Neue',
  'Menlo', 'Monaco', 'Optima', 'San Francisco', 'SF Pro', 'Skia', 'Zapfino',
  'Cantarell', 'DejaVu Sans', 'DejaVu Serif', 'Droid Sans', 'Liberation Mono', 'Liberation Sans', 'Noto Sans', 'Noto Color Emoji',
  'Roboto', 'Ubuntu', 'Source Code Pro', 'Fira Sans',
];

/**
 * Which of ~60 common fonts are installed, by measuring a test string in each font against generic
 * fallbacks: a different width means the font exists. Canvas measurement keeps it off the page's layout.
 */
export const fontsProbe: Probe = () => {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return {};
  const text = 'mmmmmmmmmmlli10OQ@#';
  const width = (family: string): number => {
    context.font = `72px ${family}`;
    return context.measureText(text).width;
  };
  const baselines = FALLBACKS.map((fallback) => width(fallback));
  if (baselines.every((value) => value === 0)) return {};
  const found = CANDIDATES.filter((font) => FALLBACKS.some((fallback, i) => width(`"${font}", ${fallback}`) !== baselines[i]));
  return { fonts: hash(found.join(',')) };
};
