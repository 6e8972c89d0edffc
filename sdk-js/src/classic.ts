// The classic script's entry (/v3/sdk.classic.js). Its global `Seatguard` is the client class itself, so
// that `new Seatguard({ clientId })` works as the README shows, and it carries the module's other exports:
// `Seatguard.collectSignals`, `Seatguard.checkAuthenticatedUser`, and `Seatguard.Seatguard`, the name the
// ES module exports the class under. (esbuild's globalName would make the global the module's namespace,
// which is not a constructor.)
import { Seatguard } from './client.js';
import { checkAuthenticatedUser } from './shield.js';
import { collectSignals } from './signals.js';

(globalThis as unknown as { Seatguard: unknown }).Seatguard = Object.assign(Seatguard, { Seatguard, checkAuthenticatedUser, collectSignals });
