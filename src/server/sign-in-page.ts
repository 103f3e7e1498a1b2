import { html } from 'hono/html';

/** Served as a file, not inline, so the Content-Security-Policy stays strict. */
export const SIGN_IN_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f1f5f9; color: #0f172a; }
main { width: min(24rem, calc(100vw - 2rem)); background: #fff; border: 1px solid #e2e8f0; border-radius: 0.75rem; padding: 1.5rem; }
h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
p { margin: 0 0 1rem; font-size: 0.9rem; color: #334155; }
label { display: block; font-weight: 600; font-size: 0.9rem; margin-bottom: 0.25rem; }
input { box-sizing: border-box; width: 100%; padding: 0.5rem; font: inherit; border: 1px solid #94a3b8; border-radius: 0.375rem; }
button { margin-top: 1rem; width: 100%; padding: 0.55rem; font: inherit; font-weight: 600; color: #fff; background: #0369a1; border: 0; border-radius: 0.375rem; cursor: pointer; }
.problem { color: #9f1239; font-weight: 600; }
:focus-visible { outline: 2px solid #0284c7; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  body { background: #020617; color: #f1f5f9; }
  main { background: #0f172a; border-color: #334155; }
  p { color: #cbd5e1; }
  input { background: #020617; color: #f1f5f9; border-color: #64748b; }
  button { background: #38bdf8; color: #020617; }
  .problem { color: #fda4af; }
}`;

export function signInPage({ next, problem }: { next: string; problem: string | null }) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>Sign in · Conversation Viewer</title>
        <link rel="stylesheet" href="/sign-in.css" />
      </head>
      <body>
        <main>
          <h1>Sign in to Conversation Viewer</h1>
          <p>This viewer shows customer conversations. Enter the access token its operator gave you.</p>
          ${problem ? html`<p class="problem" role="alert" id="problem">${problem}</p>` : ''}
          <form method="post" action="/sign-in">
            <input type="hidden" name="next" value="${next}" />
            <label for="token">Access token</label>
            <input
              id="token"
              name="token"
              type="password"
              autocomplete="current-password"
              required
              ${problem ? html`aria-describedby="problem" aria-invalid="true"` : ''}
              autofocus
            />
            <button type="submit">Sign in</button>
          </form>
        </main>
      </body>
    </html>`;
}
