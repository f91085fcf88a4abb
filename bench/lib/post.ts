// One request, waited for: the set-up steps are sequential, unlike the measured load.
import { request } from "node:http";

export function postOnce(
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.once("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.once("error", reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no response from ${path} within 10 s`)));
    req.once("error", reject);
    req.end(body);
  });
}
