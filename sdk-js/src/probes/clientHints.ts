import { keepValid, type Probe } from './probe.js';

interface UserAgentData {
  getHighEntropyValues(hints: string[]): Promise<Record<string, unknown>>;
}

/** Client hints (Chromium): OS platform, device model, CPU architecture and bitness. Absent elsewhere. */
export const clientHintsProbe: Probe = async () => {
  const data = (navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData;
  if (!data || typeof data.getHighEntropyValues !== 'function') return {};
  const values = await data.getHighEntropyValues(['platform', 'model', 'architecture', 'bitness']);
  return keepValid({ ch_platform: values.platform, ch_model: values.model, ch_arch: values.architecture, ch_bitness: values.bitness });
};
