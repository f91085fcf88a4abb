// An RFC 4180 reader for tests: quoted fields, doubled quotes, CRLF records; throws on malformed input.
export function parseCsv(text: string, delimiter = ","): string[][] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        if (![delimiter, "\r", undefined].includes(body[i + 1])) throw new Error(`stray quote at ${i}`);
      } else field += c;
    } else if (c === '"') {
      if (field !== "") throw new Error(`quote inside a field at ${i}`);
      quoted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\r") {
      if (body[i + 1] !== "\n") throw new Error(`CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (quoted) throw new Error("unterminated quote");
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}
