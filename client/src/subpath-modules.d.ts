/**
 * vscode-languageclient publishes its Node entry only through package.json
 * `exports`, which `moduleResolution: node` does not read: point the type
 * checker at the same file (esbuild resolves the real subpath).
 */
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
