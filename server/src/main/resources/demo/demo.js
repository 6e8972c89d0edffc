// The demo site's glue: one Seatguard client for the page, as an integrator would write it.
import { Seatguard, collectSignals } from '/v3/sdk.js';

let client;

async function seatguard() {
  if (!client) {
    const config = await (await fetch('/demo/config')).json();
    client = new Seatguard({
      clientId: config.client_id,
      endpoint: location.origin,
      // This device was logged out of the account. On access the SDK then goes to the policy's
      // logout_url by itself (redirect), which ends the session on the server; otherwise the page
      // signs out and leaves for the sign-in page.
      on_logout: ({ redirect }) => {
        if (!redirect) signOut('This device was logged out of the account.');
      },
    });
  }
  return client;
}

function show(id, text) {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}

/** Posts the form with the evaluation id; the backend opens a session (204) or asks for the challenge (202). */
async function submit(url, body, evaluation) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, evaluation_id: evaluation.evaluation_id ?? undefined }),
  });
  if (response.status === 204) {
    location.assign('/demo/account');
    return;
  }
  if (response.status === 202) {
    show('status', 'Seatguard wants to confirm it is you…');
    location.assign((await response.json()).redirect);
    return;
  }
  const problem = await response.json().catch(() => ({}));
  const fields = (problem.errors || []).map((e) => `${e.field} ${e.message}`).join('; ');
  show('status', [problem.detail || `Failed (${response.status})`, fields].filter(Boolean).join(': '));
}

function failOpen(evaluation) {
  if (evaluation.error) {
    // Fail open (seed 003): Seatguard being unreachable must not lock people out.
    console.warn('Seatguard evaluation failed, going on without it', evaluation.error);
  }
}

export async function signIn(user, password) {
  show('status', 'Evaluating the login…');
  // The account's address as the demo keeps it. A challenge's code goes there, and since the page names
  // it, the backend refuses an evaluation whose email is not the account's (DemoSite.otherContact).
  const email = user.includes('@') ? user : `${user}@demo.seatguard.dev`;
  const evaluation = await (await seatguard()).evaluate.login({ user, email });
  failOpen(evaluation);
  await submit('/demo/login', { user, password }, evaluation);
}

export async function register(email, password) {
  show('status', 'Evaluating the signup…');
  // The demo's account id is the email, known before the account exists: passing it as `user` makes
  // the signup's device the new account's at once (docs/integration-guide.md, "Signup").
  const evaluation = await (await seatguard()).evaluate.signup({ user: email.trim().toLowerCase(), email });
  failOpen(evaluation);
  await submit('/demo/register', { email, password }, evaluation);
}

export async function enablePolicies() {
  const response = await fetch('/demo/policies', { method: 'POST' });
  const answer = await response.json();
  show('policies-status', response.ok ? `Demo policies on (${answer.created} created now, ${answer.total} in all).`
    : `Not turned on: ${answer.detail}`);
}

/**
 * The account page's access evaluation. The backend rendered the signed-in user, their email and its
 * signature of both, with the signature's expiry, into the page (signed identity): Seatguard then knows
 * the browser did not make them up, and the device-limit page may show and log out the account's devices.
 */
export async function protect(user, email, identitySignature, identityExpires) {
  const sg = await seatguard();
  const signals = await collectSignals();
  show('collect-ms', `${Math.round(signals.duration_ms)} ms`);
  const evaluation = await sg.evaluate.access({
    user, email, identity_signature: identitySignature || undefined, identity_expires: identityExpires ? Number(identityExpires) : undefined,
  });
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
