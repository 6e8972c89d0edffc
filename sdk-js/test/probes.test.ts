import { afterEach, describe, expect, it, vi } from 'vitest';
import { webglProbe } from '../src/probes/webgl';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A WebGL context as a blocking extension leaves it: it is made, then reading the GPU's parameters throws. */
function blockedWebgl(loseContext: () => void): WebGLRenderingContext {
  return {
    getExtension: (name: string) => (name === 'WEBGL_lose_context' ? { loseContext } : null),
    getParameter: () => {
      throw new DOMException('blocked by an extension', 'NotAllowedError');
    },
  } as unknown as WebGLRenderingContext;
}

describe('the WebGL probe', () => {
  it('frees its context also when reading it throws: browsers keep few live contexts and drop the page\'s oldest', async () => {
    const loseContext = vi.fn();
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
      const element = create(tag);
      if (tag === 'canvas') (element as HTMLCanvasElement).getContext = (() => blockedWebgl(loseContext)) as HTMLCanvasElement['getContext'];
      return element;
    }) as typeof document.createElement);
    expect(() => webglProbe()).toThrow('blocked by an extension');
    expect(loseContext).toHaveBeenCalledTimes(1);
  });
});
