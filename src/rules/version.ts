/**
 * The version of the rules' behaviour, the one place it lives. Bump it whenever a rule's
 * behaviour changes (a card that fires, stops firing or changes indicator or reasons for the
 * same record) and say what changed in CHANGELOG.md; wording-only changes do not bump it.
 * It is served by GET /version, in discovery (`extension["osteo-cds.versions"]`) and on every
 * card (`extension["osteo-cds.rules-version"]`), so a site can tell which rules produced a card.
 */
export const RULES_VERSION = '2.0.0';

/** The guideline card the rules implement (guideline/source-card-da.txt). */
export const GUIDELINE_VERSION = 'DSAM osteoporose april 2025 ver. 3';
