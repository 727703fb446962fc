// Runs every graphql-http server audit against the hub and prints one JSON array of {id, name, status, reason}.
// Usage: node audit.mjs <graphql url>   (HUB_TOKEN holds the bearer token)
// Every request carries the token and the X-Hub-* request context, as a real client's would; the audits' own
// headers (Accept, Content-Type) are kept.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
const context = {
  authorization: `Bearer ${process.env.HUB_TOKEN}`,
  'x-hub-task': 'resident-registry',
  'x-hub-purpose': 'graphql-http-audit',
  'x-hub-case': 'AUDIT-0001',
};

const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(context)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return fetch(input, { ...init, headers });
};

const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  let reason = result.reason;
  if (result.status !== 'ok' && result.response) {
    try {
      reason += ` (status ${result.response.status}, body ${(await result.response.text()).slice(0, 300)})`;
    } catch {
      // the body was already read by the audit
    }
  }
  results.push({ id: audit.id, name: audit.name, status: result.status, reason });
}
process.stdout.write(JSON.stringify(results));
