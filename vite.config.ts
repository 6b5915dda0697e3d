import { defineConfig } from 'vite';
import { withPrebuiltStructures } from './src/cli/prebuild-structures.ts';

// The texts and shipped layers are served as they are, from documents/ and annotations/.
export default defineConfig({
  publicDir: false,
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'es2022', outDir: 'dist', assetsInlineLimit: 0 },
  plugins: [
    {
      name: 'copy-documents-and-annotations',
      // The production build ships the texts and layers beside index.html.
      async generateBundle() {
        const { readdir, readFile } = await import('node:fs/promises');
        for (const dir of ['documents', 'annotations']) {
          let files: string[];
          try {
            files = await readdir(dir);
          } catch {
            continue;
          }
          for (const file of files) {
            if (file.startsWith('.')) continue;
            if (dir === 'documents' && file === 'manifest.json') continue;
            this.emitFile({ type: 'asset', fileName: `${dir}/${file}`, source: await readFile(`${dir}/${file}`) });
          }
        }
        // Each text's structure worked out now, with the parser of this very build, so the browser need not parse at load.
        const manifest = await withPrebuiltStructures('documents', (name, source) => this.emitFile({ type: 'asset', fileName: `documents/${name}`, source }));
        if (manifest !== null) this.emitFile({ type: 'asset', fileName: 'documents/manifest.json', source: manifest });
      },
    },
  ],
});
