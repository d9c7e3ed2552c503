/** Code system URIs used in the facts and terminology tests. */
export const SYS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  npuOid: 'urn:oid:1.2.208.176.2.1',
  npuUrl: 'http://npu-terminology.org',
  sks: 'urn:oid:1.2.208.176.2.4.12',
  sksRoot: 'urn:oid:1.2.208.176.2.4',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icpc2: 'http://hl7.org/fhir/sid/icpc-2',
  icpc2Oid: 'urn:oid:1.2.208.176.2.31',
  atc: 'http://www.whocc.no/atc',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
} as const;
