// Modules made at build time by Vite plugins (see vite.config.ts).
declare module 'virtual:built-in-scenarios' {
  const entries: import('./libraryEntry.ts').LibraryEntry[];
  export default entries;
}
