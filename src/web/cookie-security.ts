// When a cookie carries `Secure`: always when the configured public URL is https (the browser sees
// https whatever the hop to this process is), else when the request itself came over https. The
// request's protocol is the socket's, or X-Forwarded-Proto when the server runs with --trust-proxy
// (fastify's trustProxy); without that option a forwarded header is never believed.
import type { FastifyRequest } from 'fastify';

export class CookieSecurity {
  private readonly publicHttps: boolean;

  constructor(publicUrl?: string) {
    this.publicHttps = publicUrl !== undefined && publicUrl.toLowerCase().startsWith('https://');
  }

  isSecure(req: FastifyRequest): boolean {
    return this.publicHttps || req.protocol === 'https';
  }

  /** The attribute to append to a Set-Cookie header. */
  attribute(req: FastifyRequest): string {
    return this.isSecure(req) ? '; Secure' : '';
  }
}
