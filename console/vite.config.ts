import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into console/dist, which `tuopin serve` serves at / beside the API (same origin, so the
// session cookie is SameSite=Strict and no CORS is needed). `npm run dev` proxies the API to a
// running `tuopin serve` on 8080.
const API_PREFIXES = ['/runs', '/counties', '/villages', '/units', '/verdicts', '/evaluations', '/rule-sets', '/sign-in', '/session'];

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  server: { proxy: Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, 'http://127.0.0.1:8080'])) },
});
