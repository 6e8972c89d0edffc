/**
 * Local addresses from WebRTC host candidates, within {@link WEBRTC_BUDGET_MS} (host candidates come within a few ms; waiting for the end of gathering would dominate the collection time). Chromium usually hides
 * them behind mDNS names (xxxx.local), which are ignored: only IP literals are reported.
 */
export const WEBRTC_BUDGET_MS = 60;

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f:]+$/i;

export function localIps(): Promise<string[]> {
  // globalThis, not window: without a window (server-side rendering, a worker) there are no candidates,
  // and a ReferenceError thrown here, outside any promise, rejected collectSignals and failed evaluations.
  const Connection = (globalThis as unknown as { RTCPeerConnection?: typeof RTCPeerConnection }).RTCPeerConnection;
  if (!Connection) return Promise.resolve([]);
  return new Promise((resolve) => {
    const found = new Set<string>();
    let connection: RTCPeerConnection | null = null;
    const finish = () => {
      try {
        connection?.close();
      } catch {
        // already closed
      }
      resolve(Array.from(found));
    };
    const timer = setTimeout(finish, WEBRTC_BUDGET_MS);
    try {
      connection = new Connection({ iceServers: [] });
      connection.createDataChannel('seatguard');
      connection.onicecandidate = (event) => {
        if (!event.candidate) {
          clearTimeout(timer);
          finish();
          return;
        }
        const address = event.candidate.candidate.split(' ')[4];
        if (address && (IPV4.test(address) || (address.includes(':') && IPV6.test(address)))) found.add(address);
      };
      connection
        .createOffer()
        .then((offer) => connection?.setLocalDescription(offer))
        .catch(() => {
          clearTimeout(timer);
          finish();
        });
    } catch {
      clearTimeout(timer);
      finish();
    }
  });
}
