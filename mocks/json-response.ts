/**
 * `HttpResponse.json(body, { status })` with the same headers (`Content-Type: application/json`
 * and the body's `Content-Length` in UTF-8 bytes), the length counted with a TextEncoder: MSW
 * counts it by building a `Blob`, which Node 20 makes transferable between threads on creation,
 * at a cost of several times the rest of the mock's answer.
 */
import { HttpResponse } from 'msw';

const encoder = new TextEncoder();

export function jsonResponse(body: unknown, status = 200): Response {
  const text = JSON.stringify(body);
  return new HttpResponse(text, {
    status,
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(encoder.encode(text).byteLength) },
  });
}
