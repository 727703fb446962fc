// Drives the privacy officers' console in Debian's headless Chromium (never a downloaded browser) through four eyes:
// sign in with the keyboard, grant a cell with a legal basis, see the impact, be refused approval as the author,
// approve as a second officer, publish, see the pre-fill item change on the GraphQL API, roll back. Runs axe-core on
// every screen. Prints one JSON report; saves a PNG per screen when a screenshot folder is given.
// Usage: node console.mjs <base url> <officer token> <reviewer token> <tax clerk token> <atena> [screenshot folder]
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import path from 'node:path';

const [base, officer, reviewer, clerk, atena, shots] = process.argv.slice(2);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const report = { steps: [], axe: {}, requests: [], consoleErrors: [] };
const step = (name, detail) => report.steps.push(detail === undefined ? name : `${name}: ${detail}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// The pre-fill item of resident.postalCode on the child allowance form, as the tax clerk sees it (FILLED / WITHHELD).
async function postalCodeItem() {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk}`, 'x-hub-task': 'resident-tax', 'x-hub-purpose': 'tax-assessment' },
    body: JSON.stringify({ query: 'query P($a: String!) { prefill(formId: "child-allowance-application", atenaNumber: $a) { items { path status } } }', variables: { a: atena } }),
  });
  const body = await response.json();
  const item = body.data?.prefill?.items?.find((i) => i.path === 'resident.postalCode');
  return item?.status ?? JSON.stringify(body);
}

async function eventually(read, expected, ms = 8000) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    last = await read();
    if (last === expected) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

try {
  const context = await browser.newContext({ bypassCSP: true, locale: 'ja-JP', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('request', (r) => report.requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && report.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => report.consoleErrors.push(String(e)));

  async function audit(name) {
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    report.axe[name] = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: name !== 'matrix' });
  }

  const notice = async () => (await page.locator('.notice, .problem').allInnerTexts()).join(' | ');

  async function signIn(token) {
    await page.goto(`${base}/console`);
    step('redirected to', new URL(page.url()).pathname);
    // Keyboard only: Tab to the token field, type, Tab to the button, Enter.
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'token');
    }
    report.tabReachesToken = reached;
    await page.keyboard.insertText(token);
    await page.keyboard.press('Tab');
    report.tabReachesSignIn = await page.evaluate(() => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('サインイン'));
    await Promise.all([page.waitForURL(`${base}/console`), page.keyboard.press('Enter')]);
    step('signed in', await page.locator('.who').innerText());
  }

  report.prefillBefore = await postalCodeItem();

  await page.goto(`${base}/console/signin`);
  await audit('signin');
  await signIn(officer);
  await audit('versions');

  // 起案: a draft from the version in force.
  await page.fill('#create-reason', '郵便番号を税務で使う');
  await Promise.all([page.waitForURL(/\/console\/drafts\/\d+$/), page.click('text=公開中の版から下書きを作成')]);
  const draft = Number(page.url().split('/').pop());
  report.draft = draft;
  step('draft', draft);

  // Grant a cell with its legal basis.
  await page.fill('#role', 'role:tax-clerk');
  await page.fill('#task', 'resident-tax');
  await page.selectOption('#field', 'resident.postalCode');
  await page.selectOption('#action', 'read');
  await page.fill('#basis', '地方税法 第294条 (納税義務者の住所)');
  await page.fill('#reason', '課税通知の宛先確認に郵便番号が必要');
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("許可する")')]);
  step('grant', await notice());
  // Edit the draft's ordinance table (条例・別表): add a row, see it listed, remove it again.
  const ordinanceRow = () => page.locator('section[aria-labelledby="ordinances"] tbody tr', { hasText: 'resident.postalCode' });
  await page.fill('#ordinance-task', 'resident-tax');
  await page.fill('#ordinance-field', 'resident.postalCode');
  await page.check('#ordinance-action-read');
  await page.fill('#ordinance-basis', '地方税法 第294条 (納税義務者の住所)');
  await page.fill('#ordinance-reason', '別表の試験');
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("行を追加")')]);
  report.ordinanceAdded = await notice();
  report.ordinanceRowListed = (await ordinanceRow().count()) === 1 && (await ordinanceRow().innerText()).includes('地方税法 第294条');
  await audit('ordinances');
  await ordinanceRow().locator('input[name="reason"]').fill('試験の後始末');
  await Promise.all([page.waitForLoadState('load'), ordinanceRow().locator('button').click()]);
  report.ordinanceRemoved = await notice();
  report.ordinanceRowGone = (await ordinanceRow().count()) === 0;
  await page.click('summary');
  report.csvHasGrant = (await page.inputValue('#policy-text')).includes('p, role:tax-clerk, resident-tax, resident.postalCode, read, allow, 地方税法 第294条 (納税義務者の住所)');
  await audit('draft');

  // Impact before publishing.
  await page.goto(`${base}/console/drafts/${draft}/impact?days=30`);
  report.impactDecisions = await page.locator('table').first().innerText();
  report.impactForms = await page.locator('table').nth(1).innerText();
  report.impactReplay = await page.locator('#replay ~ p, section:has(#replay) p').first().innerText();
  await audit('impact');

  await page.goto(`${base}/console/matrix?field=postal&version=${draft}`);
  report.matrix = await page.locator('table.matrix').innerText();
  await audit('matrix');

  await page.goto(`${base}/console/invariants?version=${draft}`);
  await audit('invariants');

  // 審査依頼, then the author tries to approve.
  await page.goto(`${base}/console/drafts/${draft}`);
  await page.fill('#submit-reason', '審査をお願いします');
  await Promise.all([page.waitForURL(`${base}/console`), page.click('text=審査に回す')]);
  step('submitted', await notice());
  await page.fill(`#approve-reason-${draft}`, '自分で決裁');
  await Promise.all([page.waitForLoadState('load'), page.click(`text=決裁する (版 ${draft})`)]);
  report.authorApproval = await notice();

  // A second officer approves and publishes.
  await Promise.all([page.waitForURL(/signin/), page.click('text=サインアウト')]);
  await signIn(reviewer);
  await page.fill(`#approve-reason-${draft}`, '根拠を確認した');
  await Promise.all([page.waitForLoadState('load'), page.click(`text=決裁する (版 ${draft})`)]);
  report.reviewerApproval = await notice();
  await page.fill(`#publish-reason-${draft}`, '決裁済のため公開');
  await Promise.all([page.waitForLoadState('load'), page.click(`text=公開する (版 ${draft})`)]);
  report.published = await notice();
  report.prefillAfterPublish = await eventually(postalCodeItem, 'FILLED');
  await page.reload();
  report.nodes = await page.locator('section:has(#nodes) table').innerText();
  await audit('published');

  // Roll back to the version the draft started from.
  const previous = await page.locator(`input[name="version"][value]`).evaluateAll((inputs) => inputs.map((i) => Number(i.value)));
  const target = Math.max(...previous.filter((n) => n < report.draft));
  await page.fill(`#rollback-reason-${target}`, '試験運用の終了');
  await Promise.all([page.waitForLoadState('load'), page.click(`text=この版に戻す (版 ${target})`)]);
  report.rolledBack = await notice();
  report.prefillAfterRollback = await eventually(postalCodeItem, 'WITHHELD');

  // Audit: a search about a resident, itself recorded.
  await page.goto(`${base}/console/audit?atena=${atena}&days=30`);
  report.auditRows = await page.locator('table').first().locator('tbody tr').count();
  await audit('audit');
  report.title = await page.title();
} catch (e) {
  report.failure = String(e.stack ?? e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
