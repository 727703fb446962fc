// Loads GraphiQL in Debian's headless Chromium (never a downloaded browser), runs the default query through the UI and
// prints one JSON object: what rendered, every URL the page requested, the /graphql statuses, the result pane's text.
// Usage: node render.mjs <page url>
import { chromium } from 'playwright-core';

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = { requests: [], graphql: [], consoleErrors: [] };
try {
  const page = await browser.newPage();
  page.on('request', (r) => report.requests.push(r.url()));
  page.on('response', (r) => {
    if (new URL(r.url()).pathname === '/graphql') report.graphql.push({ method: r.request().method(), status: r.status() });
  });
  page.on('console', (m) => m.type() === 'error' && report.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => report.consoleErrors.push(String(e)));

  const schema = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql', { timeout: 30000 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror', { timeout: 30000 });
  await schema;
  report.editors = await page.locator('.graphiql-container .CodeMirror').count();
  report.headersEditor = await page.locator('.graphiql-editor-tool .CodeMirror').last().innerText();

  const executed = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && r.request().postData()?.includes('query Resident'), { timeout: 30000 });
  await page.locator('.graphiql-execute-button').click();
  await executed;
  await page.waitForFunction(() => /"(data|errors)"/.test(document.querySelector('.graphiql-response .CodeMirror')?.innerText ?? ''), null, { timeout: 30000 });
  report.result = await page.locator('.graphiql-response .CodeMirror').innerText();
  report.title = await page.title();
} catch (e) {
  report.failure = String(e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
