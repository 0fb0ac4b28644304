// Writes a .br and a .gz beside every built JS, CSS, SVG and font file above 1 KB, at the strongest settings:
// compressed once at build time, the server sends them as they are (@fastify/static `preCompressed`) instead of
// compressing the same bytes again on every request. Done in writeBundle, from the bundle's final code: earlier
// (generateBundle) Vite has not yet filled in its preload helper, and the compressed copy would differ from the file.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|ttf|eot)$/;
const THRESHOLD_BYTES = 1024;
const br = promisify(brotliCompress);
const gz = promisify(gzip);

export function precompress(): Plugin {
  return {
    name: 'zc-precompress',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      const outputs = Object.values(bundle).filter((o) => COMPRESSIBLE.test(o.fileName));
      await Promise.all(
        outputs.map(async (o) => {
          const body = Buffer.from(o.type === 'chunk' ? o.code : o.source);
          if (body.length < THRESHOLD_BYTES) return;
          const path = join(dir, o.fileName);
          const [brotli, gzipped] = await Promise.all([
            br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gz(body, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, brotli), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}
