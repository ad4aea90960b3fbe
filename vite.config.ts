import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_SERVER = process.env.SHAHRVAND_API ?? 'http://localhost:3000';

export default defineConfig({
  root: path.resolve('src/web'),
  plugins: [react()],
  build: {
    outDir: path.resolve('dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules[\\/](i18next|react-i18next|@tanstack)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format)/,
            },
            { name: 'app-shared', test: /src[\\/]web[\\/]/, minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': API_SERVER,
      '/oauth': API_SERVER,
      '/dev/sms/messages': API_SERVER,
    },
  },
});
