/**
 * The one error handler (src/http/error-handler.ts) after the answer has been sent — a 503 past the
 * time budget whose client then broke off its body: the error is logged at debug level and goes no
 * further (express's own handler would print it and its stack to stderr, outside the log).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import pino from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/http/error-handler.js';
import { requestContext } from '../../src/http/request-context.js';

describe('the error handler after the answer was sent', () => {
  it('logs the error by name at debug level and hands it to no other handler', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    let passedOn = false;
    const app = express();
    app.use(requestContext(logger));
    app.get('/late', (_req, res, next) => {
      res.status(503).json({ answered: true });
      next(Object.assign(new Error('request aborted 123456 bytes'), { name: 'BadRequestError', status: 400, type: 'request.aborted' }));
    });
    app.use(errorHandler);
    app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => {
      passedOn = true;
      next(err);
    });
    const res = await request(app).get('/late');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ answered: true });
    expect(passedOn).toBe(false);
    const logged = lines.map((l) => JSON.parse(l) as { level: number; errorName?: string; msg: string }).filter((l) => l.errorName !== undefined);
    expect(logged).toEqual([expect.objectContaining({ level: 20, errorName: 'BadRequestError', msg: 'error after the answer was sent' })]);
    // The message (which may quote input) is not logged.
    expect(lines.join('')).not.toContain('123456');
  });

  it('logs a fault after the answer at error level, with its stack frames and without its message', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const app = express();
    app.use(requestContext(logger));
    app.get('/late', (_req, res, next) => {
      res.json({ answered: true });
      next(new TypeError('cannot read 0101010101 of undefined'));
    });
    app.use(errorHandler);
    expect((await request(app).get('/late')).status).toBe(200);
    const logged = lines.map((l) => JSON.parse(l) as { level: number; errorName?: string; stack?: string }).filter((l) => l.errorName !== undefined);
    expect(logged).toEqual([expect.objectContaining({ level: 50, errorName: 'TypeError', stack: expect.stringContaining('error-handler.test.ts') })]);
    expect(lines.join('')).not.toContain('0101010101');
  });
});
