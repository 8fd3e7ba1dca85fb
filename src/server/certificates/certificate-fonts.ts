import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { create, type Font } from "fontkit";

/** The certificate's two faces: Noto Sans SC (SIL OFL), static TTFs of ~10.5 MB each, parsed. */
export interface CertificateFonts {
  regular: Font;
  bold: Font;
}

// Where the TTFs are: from the working directory, not from this module's location. Next.js
// bundles this module into .next/server/..., where `import.meta.url` and `__dirname` name the
// bundle, and the bundler rewrites `require.resolve` / `createRequire(...).resolve` into module
// ids; process.cwd() is the project folder for the production server (scripts/serve.ts serves
// `dir: process.cwd()`), next dev, the tests and the scripts alike, the same assumption
// src/server/processes/process-entry.ts makes. The build is not `output: "standalone"`, so
// node_modules is there beside .next.
const FONT_PACKAGE = ["node_modules", "@expo-google-fonts", "noto-sans-sc"];
export const CERTIFICATE_FONT_FILES = {
  regular: path.join(...FONT_PACKAGE, "400Regular", "NotoSansSC_400Regular.ttf"),
  bold: path.join(...FONT_PACKAGE, "700Bold", "NotoSansSC_700Bold.ttf"),
} as const;

// On globalThis, so that next dev's module reloads do not read and parse 21 MB again.
const holder = globalThis as typeof globalThis & { __certificateFonts?: CertificateFonts };

function readFont(relativePath: string): Font {
  const file = path.join(process.cwd(), relativePath);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`certificate font missing at ${file} (is the server running from the project folder?)`, {
      cause: error,
    });
  }
  const font = create(bytes);
  if (!("layout" in font)) throw new Error(`certificate font at ${file} is a collection, not one font`);
  return font;
}

/**
 * The fonts, read and parsed (fontkit, pdfkit's own font engine) once per process and kept.
 * Given a Buffer, pdfkit parses it again for every document: three quarters of a PDF's 38 ms
 * went into decoding the same font tables (CPU profile, ADR 0027). A parsed font is only read
 * by a document, which embeds its own subset of the glyphs it uses.
 */
export function certificateFonts(): CertificateFonts {
  holder.__certificateFonts ??= {
    regular: readFont(CERTIFICATE_FONT_FILES.regular),
    bold: readFont(CERTIFICATE_FONT_FILES.bold),
  };
  return holder.__certificateFonts;
}
