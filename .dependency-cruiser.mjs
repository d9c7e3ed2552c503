// The pipeline's direction, held by `npm run lint` (src/README.md draws the map):
// request → http/ → prefetch/ → facts/ → rules/ → cards/ → response; contract/, shared/ and time/
// are the vocabulary and helpers every stage may use, and they import no stage. Type-only imports
// count: a type borrowed against the direction is a dependency like any other.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two files cannot be understood (or tested) one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'protocol-knows-no-guideline',
      severity: 'error',
      comment: 'http/, cds-hooks/ and prefetch/ speak CDS Hooks and FHIR; what they need of the guideline is in contract/.',
      from: { path: '^src/(http|cds-hooks|prefetch)/' },
      to: { path: '^src/(rules|cards)/' },
    },
    {
      name: 'facts-before-rules',
      severity: 'error',
      comment: 'terminology/ and facts/ turn FHIR into clinical facts; they know nothing of rules, cards or HTTP.',
      from: { path: '^src/(terminology|facts)/' },
      to: { path: '^src/(rules|cards|http)/' },
    },
    {
      name: 'rules-are-pure',
      severity: 'error',
      comment: 'Rules read PatientFacts and return recommendations: no texts, no HTTP, no raw prefetch data.',
      from: { path: '^src/(rules)/' },
      to: { path: '^src/(cards|http|prefetch)/' },
    },
    {
      name: 'cards-know-no-http',
      severity: 'error',
      comment: 'The card layer words recommendations; transport is the protocol layer\'s business.',
      from: { path: '^src/(cards)/' },
      to: { path: '^src/(http)/' },
    },
    {
      name: 'overview-is-a-view',
      severity: 'error',
      comment: 'overview/ draws facts (with the rules\' own predicates) for the browser app: no HTTP, no card texts, nothing node-only from the service.',
      from: { path: '^src/(overview)/' },
      to: { path: '^src/(http|cards|cds-hooks|store|settings|observability)/' },
    },
    {
      name: 'store-knows-no-guideline',
      severity: 'error',
      comment: 'The store (protocol side) keeps cards, feedback, audit rows, tokens and counters as data; it does not evaluate or word them, and serves http/ rather than using it.',
      from: { path: '^src/(store)/' },
      to: { path: '^src/(rules|cards|http)/' },
    },
    {
      name: 'contract-imports-no-stage',
      severity: 'error',
      comment: 'contract/ is the vocabulary every stage shares, so it may import only itself and time/ (its dates).',
      from: { path: '^src/(contract)/' },
      to: { path: '^src/', pathNot: '^src/(contract|time)/' },
    },
    {
      name: 'helpers-import-no-stage',
      severity: 'error',
      comment: 'shared/ and time/ are helpers any stage may use, so they import no stage.',
      from: { path: '^src/(shared|time)/' },
      to: { path: '^src/', pathNot: '^src/(shared|time)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
