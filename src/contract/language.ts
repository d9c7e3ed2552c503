/** The languages cards are worded in (CDS_LANGUAGE, Accept-Language). */
export type Language = 'da' | 'en';
