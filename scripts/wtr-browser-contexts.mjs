// A web-test-runner plugin that lets a browser test open a page in another
// browser context of the same Chromium (its own cookies, localStorage and
// IndexedDB, as another person's browser would have) and run code there.
// Commands, through `executeServerCommand` of @web/test-runner-commands:
//   'context-open'  {name, path}   opens `path` (on the test server) in a new context called `name`
//   'context-eval'  {name, script} evaluates `script` (an expression; a promise is awaited) there, answers
//                                  {value} (the runner takes an undefined answer for "not my command")
//   'context-close' {name}         closes the context
// Only the Chrome launcher (puppeteer) is supported.

export function browserContextsPlugin() {
  const contexts = new Map();
  return {
    name: 'browser-contexts',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('context-')) return undefined;
      if (command === 'context-open') {
        const testPage = session.browser.getPage(session.id);
        const context = await testPage.browser().createBrowserContext();
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(new URL(payload.path, testPage.url()).href);
        contexts.set(payload.name, { context, page, errors });
        return true;
      }
      const entry = contexts.get(payload.name);
      if (!entry) throw new Error(`no browser context named ${payload.name}`);
      if (command === 'context-eval') {
        if (entry.errors.length) throw new Error(`the page in ${payload.name} failed: ${entry.errors.join('; ')}`);
        const value = await entry.page.evaluate(payload.script);
        return { value: value ?? null };
      }
      if (command === 'context-close') {
        contexts.delete(payload.name);
        await entry.context.close();
        return true;
      }
      return undefined;
    },
    async serverStop() {
      for (const { context } of contexts.values()) await context.close().catch(() => {});
    },
  };
}
