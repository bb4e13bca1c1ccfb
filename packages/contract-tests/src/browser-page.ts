import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { build } from 'esbuild'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/** Serves one folder on 127.0.0.1 (a secure context, so service workers are allowed). */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root)) {
      response.writeHead(403).end()
      return
    }
    try {
      const body = await readFile(file)
      response.writeHead(200, {
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      })
      response.end(body)
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: ${path}`)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/**
 * A page entry bundled as a browser would load it (`page.js`), next to its HTML (`index.html`)
 * and MSW's service worker script.
 *
 * @example
 * await buildBrowserPage(join(pageDir, 'page.ts'), join(pageDir, 'index.html'), outdir)
 */
export async function buildBrowserPage(entry: string, html: string, outdir: string): Promise<void> {
  const result = await build({
    entryPoints: [entry],
    outfile: join(outdir, 'page.js'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    // tsup leaves a bare `import "../chunk-….js"` in @contactkit/mocks/cloudsponge, which
    // esbuild drops under "sideEffects": false; the chunk is imported by name elsewhere anyway.
    logOverride: { 'ignored-bare-import': 'silent' },
  })
  if (result.errors.length > 0) {
    throw new Error(`Failed to bundle ${entry}: ${result.errors.map((error) => error.text).join('; ')}`)
  }
  await copyFile(html, join(outdir, 'index.html'))
  const workerScript = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js')
  await copyFile(workerScript, join(outdir, 'mockServiceWorker.js'))
}

/**
 * A page folder (`page.ts` and `index.html`) bundled into a temporary folder and served on
 * 127.0.0.1; `close()` stops the server and removes the folder.
 *
 * @example
 * const site = await bundledSite(fileURLToPath(new URL('../browser-tab/', import.meta.url)))
 * await page.goto(site.url)
 */
export async function bundledSite(pageDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const outdir = await mkdtemp(join(tmpdir(), 'contactkit-page-'))
  try {
    await buildBrowserPage(join(pageDir, 'page.ts'), join(pageDir, 'index.html'), outdir)
    const server = await serveFolder(outdir)
    return {
      url: server.url,
      async close() {
        await server.close()
        await rm(outdir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await rm(outdir, { recursive: true, force: true })
    throw error
  }
}
