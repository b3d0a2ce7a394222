"""Reads an .xlsx file with Python's standard library only, as an independent check of Spyglass's writer.

Prints JSON: {"sheets": [{"name", "frozen", "header_bold", "rows": [[cell | null, ...], ...]}]} where a
cell is {"t": "s"|"n"|"b"|"d", "v": value}: text with Excel's _xHHHH_ escapes decoded, a number (and
"raw", the <v> text), a bool, or a date/date-time (a number with a date format) as ISO text in the
format's precision. Exits non-zero when a CRC is wrong (zipfile.testzip) or a part is missing.
"""
import datetime
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
R_ID = "{%s}id" % NS["r"]
BUILTIN_DATE_FORMATS = {14, 15, 16, 17, 22}


def decode_xstring(text):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def serial_to_iso(serial, with_time):
    # Excel's 1900 date system, with its fictitious 1900-02-29 (serial 60).
    base = datetime.datetime(1899, 12, 31) if serial < 60 else datetime.datetime(1899, 12, 30)
    moment = base + datetime.timedelta(days=serial)
    if not with_time:
        return moment.date().isoformat()
    moment = moment + datetime.timedelta(microseconds=500)  # to the millisecond, as a spreadsheet would
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (moment.microsecond // 1000)


def main(path):
    archive = zipfile.ZipFile(path)
    bad = archive.testzip()
    if bad is not None:
        sys.exit("bad CRC in " + bad)
    names = set(archive.namelist())
    for part in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"):
        if part not in names:
            sys.exit("missing part " + part)
    types = ET.fromstring(archive.read("[Content_Types].xml"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}

    styles = ET.fromstring(archive.read("xl/styles.xml"))
    formats = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", NS)}
    fonts = styles.findall("m:fonts/m:font", NS)
    xfs = []
    for xf in styles.findall("m:cellXfs/m:xf", NS):
        fmt_id = int(xf.get("numFmtId", "0"))
        code = formats.get(fmt_id, "")
        is_date = fmt_id in BUILTIN_DATE_FORMATS or bool(re.search(r"[ymd]", re.sub(r'"[^"]*"|\\.', "", code)))
        bold = fonts[int(xf.get("fontId", "0"))].find("m:b", NS) is not None
        xfs.append({"date": is_date, "time": "h" in code, "bold": bold})

    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    sheets = []
    for sheet in workbook.findall("m:sheets/m:sheet", NS):
        part = "xl/" + targets[sheet.get(R_ID)]
        if overrides.get("/" + part) != "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml":
            sys.exit("no worksheet content type for " + part)
        root = ET.fromstring(archive.read(part))
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        rows = []
        header_bold = True
        for number, row in enumerate(root.findall("m:sheetData/m:row", NS), start=1):
            if int(row.get("r")) != number:
                sys.exit("row %s out of order in %s" % (row.get("r"), part))
            cells = []
            for c in row.findall("m:c", NS):
                if not c.get("r").endswith(str(number)) or re.search(r"\d", c.get("r")[:-len(str(number))]):
                    sys.exit("cell %s in row %d" % (c.get("r"), number))
                index = column_index(c.get("r"))
                while len(cells) < index:
                    cells.append(None)
                if c.find("m:f", NS) is not None:
                    sys.exit("formula in " + c.get("r"))
                style = xfs[int(c.get("s", "0"))]
                if number == 1:
                    header_bold = header_bold and style["bold"]
                kind = c.get("t", "n")
                if kind == "inlineStr":
                    t = c.find("m:is/m:t", NS)
                    cells.append({"t": "s", "v": decode_xstring(t.text or "")})
                elif kind == "b":
                    cells.append({"t": "b", "v": c.find("m:v", NS).text == "1"})
                elif kind == "n":
                    raw = c.find("m:v", NS).text
                    if style["date"]:
                        cells.append({"t": "d", "v": serial_to_iso(float(raw), style["time"])})
                    else:
                        cells.append({"t": "n", "v": float(raw), "raw": raw})
                else:
                    sys.exit("unexpected cell type %s in %s" % (kind, c.get("r")))
            rows.append(cells)
        sheets.append({
            "name": sheet.get("name"),
            "frozen": pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1",
            "header_bold": header_bold,
            "rows": rows,
        })
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
