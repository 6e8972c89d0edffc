import { hash } from '../hash.js';
import type { Probe } from './probe.js';

/** Results of a few Math functions whose last digits differ between JavaScript engines and CPUs. */
export const mathProbe: Probe = () => {
  const values = [
    Math.tan(-1e300), Math.sin(1e300), Math.cos(1e300), Math.exp(1e-10), Math.expm1(1), Math.log1p(1e-300),
    Math.atanh(0.5), Math.cbrt(100), Math.cosh(1), Math.sinh(1), Math.tanh(1), Math.pow(Math.PI, -100),
  ];
  return { math: hash(values.join(',')) };
};
