// Decides the requests of each case with node-casbin and prints the results as JSON.
// Usage: node oracle.js input.json            -> [[{"allowed":bool,"explain":[...]} | {"error":"..."}]...]
//        node oracle.js --bench input.json    -> [{"decisions":n,"seconds":s,"allowed":k}...] (timed enforce loop)
const fs = require('fs');
const { newEnforcer, newModelFromString, StringAdapter, Util } = require('casbin');

async function build(c) {
  const e = await newEnforcer(newModelFromString(c.model), new StringAdapter(c.policy));
  const o = c.options || {};
  for (const [g, fn] of Object.entries(o.matchingFunc || {})) {
    await e.addNamedMatchingFunc(g, Util[fn + 'Func'] || Util[fn]);
  }
  for (const [g, fn] of Object.entries(o.domainMatchingFunc || {})) {
    await e.addNamedDomainMatchingFunc(g, Util[fn + 'Func'] || Util[fn]);
  }
  if (o.acceptJsonRequest) e.enableAcceptJsonRequest(true);
  return e;
}

async function main() {
  const bench = process.argv[2] === '--bench';
  const cases = JSON.parse(fs.readFileSync(process.argv[bench ? 3 : 2], 'utf8'));
  const out = [];
  for (const c of cases) {
    const e = await build(c);
    if (bench) {
      const deadline = c.seconds || 3;
      let n = 0, allowed = 0;
      const start = process.hrtime.bigint();
      let elapsed = 0;
      while (elapsed < deadline) {
        const r = c.requests[n % c.requests.length];
        if (e.enforceSync(...r)) allowed++;
        n++;
        if (n % 16 === 0 || elapsed === 0) elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      }
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      const decisions = c.requests.map(r => e.enforceSync(...r));
      out.push({ decisions: n, seconds: elapsed, allowed, results: decisions });
      continue;
    }
    const results = [];
    for (const r of c.requests) {
      try {
        const [allowed, explain] = e.enforceExSync(...r);
        results.push({ allowed, explain: explain || [] });
      } catch (err) {
        results.push({ error: String(err && err.message || err) });
      }
    }
    out.push(results);
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch(err => { console.error(err); process.exit(1); });
