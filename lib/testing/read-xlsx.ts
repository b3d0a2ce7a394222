// Reads an .xlsx back with an independent reader: Python's standard library (zipfile, which checks every
// CRC, and xml.etree), spawned as python3 -I. See read-xlsx.py for the shape of a cell.
import { execFile } from "node:child_process";
import path from "node:path";

export type XlsxCell = { t: "s"; v: string } | { t: "n"; v: number; raw: string } | { t: "b"; v: boolean } | { t: "d"; v: string };
export interface XlsxSheet {
  name: string;
  frozen: boolean;
  header_bold: boolean;
  rows: (XlsxCell | null)[][];
}

const SCRIPT = path.resolve(__dirname, "read-xlsx.py");

export function readXlsx(file: string): Promise<{ sheets: XlsxSheet[] }> {
  return new Promise((resolve, reject) =>
    execFile("python3", ["-I", SCRIPT, file], { maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`read-xlsx.py failed: ${stderr || err.message}`)) : resolve(JSON.parse(stdout) as { sheets: XlsxSheet[] }),
    ),
  );
}
