/**
 * Card text of `vitamin-d-calcium` (rules.md section 2, card page 1 "Osteoporose – Valg af medicinsk
 * behandling"), in Danish (the card's own terms) and English. The renderer appends the reasons
 * ("Begrundelse") and the findings with values and dates ("Grundlag"), so the advice says what to
 * do without repeating them. Line numbers refer to guideline/source-card-da.txt.
 */
import { has, paragraphs, texts } from '../text-helpers.js';

export const vitaminDCalciumTexts = texts<'vitamin-d-calcium'>(
  { da: 'D-vitamin og kalk', en: 'Vitamin D and calcium' },
  (rec, lang) => {
    const da = lang === 'da';
    if (!has(rec, 'no-vitamin-d-supplement')) {
      return da
        ? 'D-vitamin og kalk: P-25-OH-Vit.D under 70 nmol/L trods tilskud – øg D3-dosis (mål 70–125 nmol/L)'
        : 'Vitamin D and calcium: 25-OH vitamin D below 70 nmol/L despite a supplement – raise the D3 dose (target 70–125 nmol/L)';
    }
    return da
      ? 'D-vitamin og kalk: dagligt tilskud af 20–40 µg D3-vitamin og 800–1.200 mg calcium ved kost og tilskud'
      : 'Vitamin D and calcium: daily vitamin D3 20–40 µg and 800–1,200 mg calcium from diet and supplement';
  },
  (rec, lang) => {
    const da = lang === 'da';
    const ppi = has(rec, 'ppi-user');
    const belowTarget = has(rec, 'vitamin-d-below-target') && !has(rec, 'no-vitamin-d-supplement');
    return paragraphs(
      da
        ? '**D-vitamin:** Dagligt tilskud af 20–40 µg D3-vitamin. P-25-OH-Vit.D 70–125 nmol/L anbefales. Tilskud af 1 µg D3 giver ≈ 1 nmol/L stigning i P-25-OH-Vit.D efter 3 mdr. (stor variation). Tjek tidligst efter 3 mdr.'
        : '**Vitamin D:** daily vitamin D3 20–40 µg. 25-OH vitamin D 70–125 nmol/L is recommended. 1 µg D3 raises 25-OH vitamin D by ≈ 1 nmol/L after 3 months (large variation). Recheck no earlier than 3 months.',
      belowTarget &&
        (da
          ? 'Patienten får allerede tilskud, men er under målet: øg dosis (fx med 1 µg pr. ønsket nmol/L) og tjek compliance.'
          : 'The patient already takes a supplement but is below target: raise the dose (about 1 µg per nmol/L wanted) and check adherence.'),
      da
        ? '**Kalk:** Fast dagligt indtag af 800–1.200 mg calcium ved kost og tilskud. Afdæk patientens kalkindtag i kost (se fx oversigt i DSAM-vejledning). Kalktilskud forskydes af måltid med mange mejeriprodukter. Ved behov for tilskud over 500 mg fordeles det ud over dagen. Calcium-carbonat tages til måltid (syreafhængig) og kan give tendens til obstipation. Calcium-citrat kan tages uafhængigt af mad, men er dyrere.'
        : '**Calcium:** a steady daily intake of 800–1,200 mg calcium from diet and supplement. Assess dietary calcium (see e.g. the table in the DSAM guideline). Adjust the supplement to meals rich in dairy. Supplements above 500 mg a day are split over the day. Calcium carbonate is taken with a meal (acid-dependent) and may cause constipation. Calcium citrate can be taken regardless of food, but costs more.',
      ppi &&
        (da
          ? '**Patienten bruger PPI:** calcium-carbonat optages dårligt uden mavesyre – overvej calcium-citrat.'
          : '**The patient takes a PPI:** calcium carbonate is poorly absorbed without stomach acid – consider calcium citrate.'),
      da ? 'OBS: på de, der ikke får sol, og de, der ikke får mejeriprodukter.' : 'Mind patients who get no sun and those who eat no dairy products.',
    );
  },
);
