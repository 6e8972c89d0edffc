// The demo site's glue: one Seatguard client for the page, as an integrator would write it.
import { Seatguard, collectSignals } from '/v3/sdk.js';

let client;

async function seatguard() {
  if (!client) {
    const config = await (await fetch('/demo/config')).json();
    client = new Seatguard({
      clientId: config.client_id,
      endpoint: location.origin,
      on_logout: () => signOut('This device was logged out of the account.'),
    });
  }
  return client;
}

function show(id, text) {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}

export async function signIn(user, password) {
  show('status', 'Evaluating the login…');
  const evaluation = await (await seatguard()).evaluate.login({ user, email: `${user}@demo.seatguard.dev` });
  if (evaluation.error) {
    // Fail open (seed 003): Seatguard being unreachable must not lock people out.
    console.warn('Seatguard evaluation failed, signing in without it', evaluation.error);
  }
  const response = await fetch('/demo/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, password, evaluation_id: evaluation.evaluation_id ?? undefined }),
  });
  if (response.ok) {
    location.assign('/demo/account');
    return;
  }
  const problem = await response.json().catch(() => ({}));
  show('status', problem.detail || `Sign-in failed (${response.status})`);
}

export async function protect(user) {
  const sg = await seatguard();
  const signals = await collectSignals();
  show('collect-ms', `${Math.round(signals.duration_ms)} ms`);
  const evaluation = await sg.evaluate.access({ user, email: `${user}@demo.seatguard.dev` });
  show('verdict', evaluation.verdict ?? 'unknown');
  show('device-id', evaluation.device_id ?? 'unknown');
  show('evaluation-id', evaluation.evaluation_id ?? 'none');
  show('logout', String(evaluation.logout));
  show('error', evaluation.error ? `${evaluation.error.kind}: ${evaluation.error.detail}` : 'none');
  document.body.dataset.evaluated = 'true';
}

export async function signOut(reason) {
  await (await seatguard()).endSession();
  await fetch('/demo/logout', { method: 'POST' });
  location.assign(reason ? `/demo?reason=${encodeURIComponent(reason)}` : '/demo');
}
