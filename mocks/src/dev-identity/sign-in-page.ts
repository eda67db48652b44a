import { escapeHtml } from '../html.js';
/**
 * The test identity provider's sign-in page: pick a fixture person (or an officer of an agency) instead of
 * a password, an ЭЦП or eGov Mobile. Plain HTML with no script, so it works wherever the portal works.
 */

export interface SignInChoice {
  /** The form value that says who signs in, e.g. `citizen:850314301234`. */
  value: string;
  label: string;
  detail: string;
}

export interface SignInPageInput {
  clientId: string;
  redirectUri: string;
  state: string;
  citizens: readonly SignInChoice[];
  agencies: readonly { code: string; name: string }[];
  /** The IIN every development officer signs in with. */
  officerIin: string;
  error?: string;
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f24; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
.banner { background: #fff4ce; border: 2px solid #8a6d00; padding: .75rem 1rem; border-radius: .5rem; }
fieldset { background: #fff; border: 1px solid #c9d1d9; border-radius: .5rem; margin: 1rem 0; padding: 1rem; }
legend { font-weight: 600; padding: 0 .25rem; }
button { font: inherit; display: block; width: 100%; text-align: left; margin: .5rem 0; padding: .6rem .8rem; border: 1px solid #0a5bb5; border-radius: .4rem; background: #fff; color: #0a3f80; cursor: pointer; }
button:hover, button:focus-visible { background: #e7f0fb; outline: 3px solid #0a5bb5; outline-offset: 1px; }
.detail { display: block; color: #4b5563; font-size: .9rem; }
label { display: block; margin-top: .5rem; }
input, select { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #6b7280; border-radius: .4rem; }
.error { color: #a40e26; font-weight: 600; }
`;

export function signInPage(input: SignInPageInput): string {
  const hidden = `<input type="hidden" name="client_id" value="${escapeHtml(input.clientId)}">
    <input type="hidden" name="redirect_uri" value="${escapeHtml(input.redirectUri)}">
    <input type="hidden" name="state" value="${escapeHtml(input.state)}">`;
  const citizens = input.citizens
    .map(
      (c) =>
        `<button type="submit" name="subject" value="${escapeHtml(c.value)}">${escapeHtml(c.label)}<span class="detail">${escapeHtml(c.detail)}</span></button>`,
    )
    .join('\n');
  const agencies = input.agencies.map((a) => `<option value="${escapeHtml(a.code)}">${escapeHtml(a.code)}: ${escapeHtml(a.name)}</option>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test identity provider (development only)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Sign in to ${escapeHtml(input.clientId)}</h1>
<p class="banner" role="note"><strong>Test identity provider: development only.</strong> It signs anyone in without a password.
In production the portal sends you to the state identity provider instead.</p>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="/authorize">
  ${hidden}
  <fieldset>
    <legend>A citizen from the mock registries</legend>
    ${citizens}
    <label for="other-iin">Another fixture IIN</label>
    <input id="other-iin" name="other_iin" inputmode="numeric" autocomplete="off" pattern="[0-9]{12}" maxlength="12">
    <button type="submit" name="subject" value="citizen:other">Sign in with this IIN</button>
  </fieldset>
</form>
<form method="post" action="/authorize">
  ${hidden}
  <fieldset>
    <legend>An officer (IIN ${escapeHtml(input.officerIin)})</legend>
    <label for="agency">Agency</label>
    <select id="agency" name="agency">${agencies}</select>
    <button type="submit" name="subject" value="officer">Sign in as an officer of this agency</button>
  </fieldset>
</form>
</main>
</body>
</html>`;
}
