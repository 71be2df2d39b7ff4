// A draft with its example transcripts as one zip (fflate), laid out as `faultline test` reads
// it: the scenario file, and its transcripts at the paths its `examples:` name.
import { strToU8, zipSync } from 'fflate';
import { downloadBlob } from '../attempt/download.ts';

export function zipFiles(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { level: 6 });
}

export function downloadZip(fileName: string, files: Record<string, string>): void {
  downloadBlob(fileName, new Blob([zipFiles(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
}
