import { defaultClientConditions, defineConfig } from 'vite'

// Static build with relative asset paths, so dist/ can be served from any folder. Workspace packages
// resolve to their TypeScript sources (`@coretime/source`), never to a package build.
export default defineConfig({
  base: './',
  resolve: { conditions: ['@coretime/source', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
})
