import type { Probe } from './probe.js';

type OfflineContextConstructor = new (channels: number, length: number, sampleRate: number) => OfflineAudioContext;

/** An oscillator through a compressor, rendered offline: the samples differ with the audio stack and CPU. */
export const audioProbe: Probe = async () => {
  const scope = window as unknown as { OfflineAudioContext?: OfflineContextConstructor; webkitOfflineAudioContext?: OfflineContextConstructor };
  const Context = scope.OfflineAudioContext || scope.webkitOfflineAudioContext;
  if (!Context) return {};
  const context = new Context(1, 5000, 44100);
  const oscillator = context.createOscillator();
  oscillator.type = 'triangle';
  oscillator.frequency.value = 10000;
  const compressor = context.createDynamicsCompressor();
  compressor.threshold.value = -50;
  compressor.knee.value = 40;
  compressor.ratio.value = 12;
  compressor.attack.value = 0;
  compressor.release.value = 0.25;
  oscillator.connect(compressor);
  compressor.connect(context.destination);
  oscillator.start(0);
  const buffer = await context.startRendering();
  const samples = buffer.getChannelData(0);
  let sum = 0;
  for (let i = 4500; i < 5000; i++) sum += Math.abs(samples[i]);
  return sum > 0 ? { audio: sum.toFixed(6) } : {};
};
