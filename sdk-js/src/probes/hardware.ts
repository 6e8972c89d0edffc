import { keepValid, type Probe } from './probe.js';

/** What navigator says about the machine and its settings: cores, memory, platform, languages, touch, vendor, PDF viewer. */
export const hardwareProbe: Probe = () => {
  const nav = navigator as Navigator & { deviceMemory?: number; pdfViewerEnabled?: boolean };
  return keepValid({
    cores: nav.hardwareConcurrency || undefined,
    memory: nav.deviceMemory,
    platform: nav.platform || undefined,
    languages: nav.languages && nav.languages.length ? nav.languages.join(',') : nav.language || undefined,
    touch_points: typeof nav.maxTouchPoints === 'number' ? nav.maxTouchPoints : undefined,
    vendor: nav.vendor,
    pdf_viewer: nav.pdfViewerEnabled,
  });
};
