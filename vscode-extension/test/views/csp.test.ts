import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { closeAll, openView } from './harness';

after(closeAll);

test('the webview shell blocks inline script and remote resources, and allows no eval', async () => {
  const v = await openView('results');
  const ran = await v.page.evaluate(async () => {
    const w = window as unknown as { inlineRan?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
    const img = document.createElement('img');
    img.src = 'https://example.com/x.png';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 200));
    return {
      inline: w.inlineRan === true,
      policy: document.querySelector('meta[http-equiv]')?.getAttribute('content') ?? '',
    };
  });
  assert.equal(ran.inline, false, 'an inline script ran');
  // (eval cannot be tried from here: the test's own evaluate bypasses the page's policy)
  assert.match(ran.policy, /script-src 'nonce-[^']+'$|script-src 'nonce-[^']+';/);
  assert.doesNotMatch(ran.policy, /unsafe-eval|unsafe-inline|https:/);
  const violations = v.errors.filter((e) => e.includes('CSP violation'));
  assert.ok(
    violations.some((e) => e.includes('script-src')),
    `no script-src violation in ${v.errors.join('\n')}`,
  );
  assert.ok(
    violations.some((e) => e.includes('img-src')),
    `no img-src violation in ${v.errors.join('\n')}`,
  );
  await v.close();
});
