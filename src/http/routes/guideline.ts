/**
 * GET /guideline/{topic} — the printable guidance page each card links to ("Læs mere"), in Danish
 * or English by `?lang=da|en`, else by Accept-Language, else the configured default. Public like
 * the guideline itself: no JWT, no patient data. 404 for a code that is no topic; 400 for a
 * `lang` that is neither language.
 */
import { Router, type Request, type Response } from 'express';
import type { Engine } from '../../cds-hooks/evaluator.js';
import type { Language } from '../../contract/language.js';
import { badRequest, notFound } from '../errors.js';
import { chooseLanguage } from '../language.js';

export interface GuidelineRouteDeps {
  readonly engine: Pick<Engine, 'guidelinePage'>;
  readonly language: Language;
}

export function guidelineRoutes(deps: GuidelineRouteDeps): Router {
  const router = Router();
  router.get('/guideline/:topic', (req: Request<{ topic: string }>, res: Response) => {
    const asked = req.query.lang;
    if (asked !== undefined && asked !== 'da' && asked !== 'en') throw badRequest('lang must be da or en', 'lang');
    const lang = asked ?? chooseLanguage(req.get('accept-language'), deps.language);
    const page = deps.engine.guidelinePage(req.params.topic, lang);
    if (page === undefined) throw notFound('Unknown topic; the topics are listed in guideline/rules.md.');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('Content-Language', lang);
    res.vary('Accept-Language');
    res.type('html').send(page);
  });
  return router;
}
