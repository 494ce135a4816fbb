import { defineConfig } from 'vite'

// Static build with relative asset paths, so dist/ can be served from any folder.
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
})
