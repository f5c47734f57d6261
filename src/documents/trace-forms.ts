import { restrictionsAddedBy } from '../tracing/entities/trace.entity';
import type { BallisticsReference, ChainLink, ObservedMarking, ObservedWeapon, OnBehalfOf } from '../tracing/entities/trace.entity';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { EmbeddedImage, FormDocument, ImageError } from './pdf-layout';
import weaponTypes from '../reference/data/weapon-types.json';

/**
 * The PDF records of a trace: the request (ITI paras 14-17) and the answer (paras 18-19), kept for
 * decades, so PDF/A-2b with embedded fonts. Each carries the SHA-256 of the canonical content it
 * was made from, printed and in a QR code, so a printed copy can be checked against the system.
 */

export interface FormParty {
  code: string;
  name: string;
}
export interface FormContactPoint {
  name: string;
  agency: string | null;
  email: string | null;
  phone: string | null;
}
// The forms print what a trace holds: the same shapes as the trace's own (type-only, no runtime link).
export type FormMarking = ObservedMarking;
export type FormWeapon = ObservedWeapon;
/** A photo of a marking, reproduced in the request form. */
export interface FormPhoto {
  id: string;
  /** The weapon component photographed, e.g. 'receiver'. */
  component: string | null;
  caption: string | null;
  mediaType: 'image/jpeg' | 'image/png';
  /** SHA-256 (hex) of the stored bytes: printed under the photo, and checked against `data`. */
  sha256: string;
  /** The image bytes (checked on upload to be a JPEG or PNG by their content). */
  data: Buffer;
}
export type FormChainLink = ChainLink;
export interface TraceRequestForm {
  /** The request's id, printed on every page. */
  traceId: string;
  /** 'unclassified' | 'restricted' | 'confidential' */
  classification: string;
  /** Handling codes, e.g. 'law_enforcement_only', 'no_onward_disclosure'. */
  useRestrictions: string[];
  confidentialityRequested: boolean;
  requestingState: FormParty;
  requestedState: FormParty;
  requestingAuthority: string;
  officerName: string | null;
  npcName: string | null;
  /** A UN mission or regional organisation that opened the trace for the requesting State, with its consent. */
  onBehalfOf: OnBehalfOf | null;
  requestedContactPoints: FormContactPoint[];
  /** The requesting State's own, where an answer sent outside the system goes. */
  requestingContactPoints: FormContactPoint[];
  /** More contact points than printed, of the requested and of the requesting State. */
  moreContactPoints: { requested: boolean; requesting: boolean };
  channel: string;
  priority: string;
  urgentJustification: string | null;
  /** ITI para 6 codes, e.g. 'not_marked_per_iti'. */
  illicitBasis: string[];
  legalJustification: string;
  recovery: { date: string; place: string; context: string };
  intendedUse: string;
  /** A ballistics record of the weapon (ballistics exchange complements tracing). */
  ballistics: BallisticsReference | null;
  /**
   * The fields of the requester's case file that the request discloses, as label and text; null when the
   * reader may not see them (or nothing is disclosed). Not part of contentSha256, which every reader can check.
   */
  disclosedCaseInformation: { label: string; text: string }[] | null;
  /**
   * A follow-up's account of the trace it follows: what the State asked before answered ("Follows up trace …: BEL
   * answered full; last step reported: …"), for a State that receives the request on paper or through INTERPOL.
   */
  followsUp: string[];
  weapon: FormWeapon;
  /** Shown after the markings, in this order (may be empty). */
  photos: FormPhoto[];
  status: string;
  /** When the officer submitted it to the NPC: the requesting State's own step, absent (undefined) from the requested State's form. */
  submittedAt?: string | null;
  sentAt: string | null;
  /** Computed by the caller with canonicalSha256(); printed and in the QR code. */
  contentSha256: string;
  /** ISO timestamp. */
  generatedAt: string;
}
export interface TraceResponseForm {
  traceId: string;
  classification: string;
  useRestrictions: string[];
  requestingState: FormParty;
  requestedState: FormParty;
  /** As in the request, for reference. */
  weapon: FormWeapon;
  /** How many photos of markings the request carries (named, not reproduced, in the response). */
  requestPhotos?: number;
  answer: FormAnswer & {
    /** The answers this one followed (a delayed one, or a partial or refused one it adds to), oldest first, whole. */
    earlier?: FormAnswer[];
  };
  contentSha256: string;
  generatedAt: string;
}

/** What an answer says, as the response form prints it. */
export interface FormAnswer {
  outcome: string;
  reasonCode: string | null;
  reasonText: string | null;
  expectedDate: string | null;
  recordFound: boolean;
  chain: FormChainLink[];
  lastLegalHolder: string | null;
  nextState: string | null;
  /** The request's restrictions and those the answering State added. */
  useRestrictions: string[];
  /** Those the answering State added; absent from answers recorded before they were kept apart. */
  restrictionsAdded?: string[];
  answeredAt: string;
  /** An answer received outside the system and recorded by the requester's NPC. */
  received?: { via: string; reference: string | null; recordedBy: string; recordedAt: string };
}

/** SHA-256 (hex) of the RFC 8785 canonical JSON of `value`. */
export function canonicalSha256(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new TypeError('canonicalSha256: the value has no JSON form');
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

// ---- Readable labels. Unknown codes fall back to the code in words, so a new code never breaks a form.

const RESTRICTION_LABELS: Record<string, string> = {
  law_enforcement_only: 'Law enforcement only',
  no_onward_disclosure: 'No onward disclosure',
  not_for_use_in_court_without_consent: 'Not for use in court without consent',
  no_publication: 'No publication',
  destroy_after_use: 'Destroy after use',
};

const ILLICIT_BASIS_LABELS: Record<string, string> = {
  illicit_under_national_law: 'Illicit under the law of the State where it was found (ITI para 6(a))',
  transferred_against_embargo: 'Transferred in violation of a Security Council arms embargo (ITI para 6(b))',
  not_marked_per_iti: 'Not marked in accordance with the Instrument (ITI para 6(c))',
  manufactured_without_licence: 'Manufactured or assembled without licence or authorization (ITI para 6(d))',
  transferred_without_licence: 'Transferred without licence or authorization (ITI para 6(e))',
};

const CHANNEL_LABELS: Record<string, string> = {
  direct: 'Direct, between national points of contact',
  interpol: 'INTERPOL',
  diplomatic: 'Diplomatic channels',
};

const OUTCOME_LABELS: Record<string, string> = {
  full: 'Full answer',
  partial: 'Partial answer',
  delayed: 'Answer delayed',
  refused: 'Answer refused',
};

const REASON_LABELS: Record<string, string> = {
  ongoing_criminal_investigation: 'Ongoing criminal investigation',
  national_law: 'Restricted by national law',
  confidentiality_not_guaranteed: 'Confidentiality not guaranteed',
  national_security: 'National security',
  no_record: 'No record found',
  other: 'Other reason',
};

function words(code: string): string {
  const text = code.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The ITI para 4 types by code (shipped data, node-wide): a type taken from a registry record is its code. */
const WEAPON_TYPE_NAMES: Record<string, string> = Object.fromEntries(weaponTypes.entries.map((entry) => [entry.code, entry.name]));

/** A weapon type as printed: a reference type by its name and code, free text as written. */
function weaponTypeText(type: string | null): string {
  if (type === null || !Object.prototype.hasOwnProperty.call(WEAPON_TYPE_NAMES, type)) return orNot(type);
  return `${WEAPON_TYPE_NAMES[type]} (${type})`;
}

function label(labels: Record<string, string>, code: string): string {
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : words(code);
}

function restrictionLabels(codes: string[]): string {
  return codes.length ? codes.map((code) => label(RESTRICTION_LABELS, code)).join(' · ') : 'No use restrictions';
}

function illicitBasisLabel(code: string): string {
  return Object.prototype.hasOwnProperty.call(ILLICIT_BASIS_LABELS, code) ? ILLICIT_BASIS_LABELS[code] : `${words(code)} (ITI para 6)`;
}

const NOT_RECORDED = 'not recorded';

function orNot(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? NOT_RECORDED : String(value);
}

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

function party(p: FormParty): string {
  return `${p.name} (${p.code})`;
}

/** "2024-05-02T09:30:00.000Z" → "2024-05-02 09:30:00 UTC"; a plain date or anything else is kept. */
function timestamp(value: string | null): string {
  if (!value) return NOT_RECORDED;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function creationDate(generatedAt: string): Date {
  const date = new Date(generatedAt);
  if (Number.isNaN(date.getTime())) throw new RangeError(`generatedAt is not a timestamp: ${generatedAt}`);
  return date;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

// ---- Shared sections

/** The serial as observed: every field of it the request holds (and its hash covers), a serial given with an obliterated one too. */
function serialText(weapon: FormWeapon): string {
  if (weapon.serialObliterated) {
    const obliterated = `obliterated — readable: ${weapon.serialReadable ? weapon.serialReadable : 'nothing'}`;
    return weapon.serial ? `${weapon.serial} (${obliterated})` : obliterated;
  }
  return orNot(weapon.serial);
}

/**
 * `photos`: 'follow' when the request reproduces its photos after this section (the references are then
 * introduced as such); else how many photos the request carries, which the response names but does not
 * reproduce.
 */
function weaponSection(form: FormDocument, weapon: FormWeapon, heading: string, photos: 'follow' | number): void {
  const photosFollow = photos === 'follow';
  form.section(heading);
  form.field('Type', weaponTypeText(weapon.type));
  form.field('Make (manufacturer)', orNot(weapon.make));
  form.field('Model', orNot(weapon.model));
  form.field('Calibre', orNot(weapon.calibre));
  form.field('Serial number', serialText(weapon));
  form.field('Country of manufacture', orNot(weapon.countryOfManufacture));
  form.field('Year of manufacture', orNot(weapon.yearOfManufacture));

  if (!weapon.markings.length) {
    form.field('Markings', 'No markings recorded.');
  } else {
    form.caption(`Markings (${weapon.markings.length}), as read on the weapon`);
    form.table(
      [
        { header: '#', weight: 0.5 },
        { header: 'Component', weight: 2 },
        { header: 'Text as read', weight: 5 },
      ],
      weapon.markings.map((marking, i) => [String(i + 1), marking.component, marking.text]),
    );
  }

  const attached = photos === 'follow' ? 0 : photos;
  if (weapon.photoRefs.length) {
    form.caption(
      photosFollow
        ? 'Photo references recorded with the markings'
        : 'Photographs (not reproduced here: each photo reference names one image)',
    );
    form.list(weapon.photoRefs.map((ref, i) => `Photo reference ${i + 1}: ${ref}`));
  } else {
    form.field(photosFollow || attached > 0 ? 'Photo references' : 'Photographs', 'No photo reference.');
  }
  if (attached > 0) form.field('Photos of markings', `${attached} attached to the request, reproduced in the request form (request.pdf)`);
}

/** A State's contact points as a list (`more`: the directory holds more than those printed, and says where). */
function contactPointsSection(form: FormDocument, contacts: FormContactPoint[], caption: string, state: FormParty, more = false): void {
  if (!contacts.length) {
    form.field(caption, 'none on record');
    return;
  }
  form.caption(more ? `${caption} (the first ${contacts.length}; all of them: GET /api/v1/states/${state.code}/contact-points)` : caption);
  form.list(contacts.map((cp) => [cp.name, cp.agency, cp.email, cp.phone].filter((part): part is string => !!part).join(' — ')));
}

/** Photos are drawn at most this high (points), and never wider than the text. */
const PHOTO_MAX_HEIGHT = 260;
/** The most of a photo's description kept on the photo's page (a longer one, stored before captions were one line, goes on). */
const KEPT_DESCRIPTION_HEIGHT = 60;

function photoDescription(n: number, photo: FormPhoto): string {
  const component = photo.component ? words(photo.component) : 'component not recorded';
  const caption = photo.caption?.trim();
  return caption ? `Photo ${n} — ${component} — ${caption}` : `Photo ${n} — ${component}`;
}

/**
 * Each photo with, under it, what it shows and its SHA-256 (kept on the photo's page). A photo that
 * cannot be shown (bytes that do not decode, or not the bytes the hash names, or a kind PDF/A does not
 * allow) is named with its hash, what it shows and why it is not shown: one bad file never stops the
 * form.
 */
function photosSection(form: FormDocument, photos: FormPhoto[]): void {
  const heading = 'Photos of markings';
  if (!photos.length) {
    form.section(heading);
    form.paragraph('No photos attached');
    return;
  }
  photos.forEach((photo, i) => {
    const n = i + 1;
    const description = photoDescription(n, photo);
    let image: EmbeddedImage | null = null;
    let failure = '';
    try {
      if (createHash('sha256').update(photo.data).digest('hex') !== photo.sha256.toLowerCase()) {
        failure = 'the image bytes do not match this SHA-256';
      } else {
        image = form.embedImage(photo.data, photo.mediaType);
      }
    } catch (error) {
      failure = error instanceof ImageError ? error.message : 'the image could not be decoded';
    }

    if (image) {
      const hashLine = `SHA-256 ${photo.sha256}`;
      // What stays on the photo's page: its description's first lines (all of a one-line caption) and the hash line.
      const text = Math.min(form.paragraphHeight(description), KEPT_DESCRIPTION_HEIGHT) + form.monoLineHeight(hashLine);
      // The heading stays with the first photo (12 pt: the heading's own spacing).
      if (i === 0) form.section(heading, form.imageSize(image, PHOTO_MAX_HEIGHT).height + 4 + text + 12);
      form.figure(image, { alt: `${description} (photo of a marking)`, maxHeight: PHOTO_MAX_HEIGHT, keepWith: text });
      form.paragraph(description);
      form.monoLine(hashLine);
    } else {
      // On one line (monospaced, as small as it takes), so the hash is never cut.
      const notice = `Photo ${n} could not be rendered (SHA-256 ${photo.sha256})`;
      const what = `${description} (not shown: ${failure})`;
      const height = form.monoLineHeight(notice) + form.paragraphHeight(what);
      if (i === 0) form.section(heading, height + 12);
      else form.keep(height);
      form.monoLine(notice);
      form.paragraph(what);
    }
    form.space(8);
  });
}

function verificationSection(form: FormDocument, kind: 'request' | 'response', traceId: string, sha256: string): void {
  const payload = `iti-trace:${kind}:${traceId}:sha256:${sha256}`;
  const qrSize = 128;
  form.section('Verification', qrSize + 60); // the block stays on one page
  form.paragraph(`SHA-256 of the ${kind}'s canonical content (RFC 8785 JSON):`);
  form.monoLine(sha256);
  form.qrCode(payload, qrSize);
  form.monoLine(payload, 8);
}

// ---- The two forms

export async function renderTraceRequestPdf(f: TraceRequestForm): Promise<Buffer> {
  const form = new FormDocument({
    title: `Trace request ${f.traceId}`,
    author: `${f.requestingAuthority}, ${f.requestingState.name}`,
    subject: `Trace request under the International Tracing Instrument from ${f.requestingState.name} to ${f.requestedState.name}`,
    keywords: `ITI; trace request; ${f.traceId}; sha256:${f.contentSha256}`,
    creationDate: creationDate(f.generatedAt),
  });

  form.title(
    'Trace request (International Tracing Instrument)',
    `Trace ${f.traceId} · Status: ${words(f.status)} · Generated ${timestamp(f.generatedAt)}`,
  );

  form.section('Requesting State');
  form.field('State', party(f.requestingState));
  form.field('Requesting authority', f.requestingAuthority);
  form.field('Officer in charge', orNot(f.officerName));
  form.field('National point of contact', orNot(f.npcName));
  if (f.onBehalfOf) {
    form.field('Opened on its behalf by', `${f.onBehalfOf.organisation} (${f.onBehalfOf.kind === 'un_mission' ? 'United Nations mission' : 'regional organisation'})`);
    form.field('Consent of the State', `${f.onBehalfOf.consentReference}, given ${timestamp(f.onBehalfOf.consentGivenOn)}`);
  }

  contactPointsSection(form, f.requestingContactPoints, 'Contact points of the requesting State, for the answer', f.requestingState, f.moreContactPoints.requesting);

  form.section('Requested State');
  form.field('State', party(f.requestedState));
  contactPointsSection(form, f.requestedContactPoints, 'Contact points of the requested State', f.requestedState, f.moreContactPoints.requested);

  form.section('Transmission and handling');
  form.field('Channel', label(CHANNEL_LABELS, f.channel));
  form.field('Priority', words(f.priority));
  if (f.urgentJustification || f.priority === 'urgent') {
    form.field('Why urgent', orNot(f.urgentJustification));
  }
  form.field('Classification', words(f.classification));
  form.field('Use restrictions', restrictionLabels(f.useRestrictions));
  form.field('Confidentiality requested', yesNo(f.confidentialityRequested));

  form.section('Grounds for the request');
  if (f.illicitBasis.length) {
    form.caption('Why the weapon is considered illicit (ITI para 6)');
    form.list(f.illicitBasis.map(illicitBasisLabel));
  } else {
    form.field('Why illicit (ITI para 6)', 'none given');
  }
  form.block('Legal justification', f.legalJustification);

  form.section('Circumstances of recovery');
  form.field('Date', timestamp(f.recovery.date));
  form.field('Place', f.recovery.place);
  form.block('Context', f.recovery.context);

  form.section('Intended use of the information');
  form.paragraph(f.intendedUse);

  if (f.followsUp.length) {
    form.section('Earlier trace this request follows');
    for (const text of f.followsUp) form.paragraph(text);
  }

  if (f.disclosedCaseInformation?.length) {
    form.section('Case information disclosed with the request');
    for (const item of f.disclosedCaseInformation) form.block(item.label, item.text);
  }

  weaponSection(form, f.weapon, 'Weapon to be traced', 'follow');
  photosSection(form, f.photos);

  if (f.ballistics) {
    form.section('Ballistics');
    form.field('Ballistic database', f.ballistics.database);
    form.field('Record number', f.ballistics.recordNumber);
    form.field('Ballistic data may be exchanged', yesNo(f.ballistics.exchangeable));
  }

  form.section('Status');
  form.field('Status', words(f.status));
  if (f.submittedAt !== undefined) form.field('Submitted', timestamp(f.submittedAt));
  form.field('Sent', timestamp(f.sentAt));

  verificationSection(form, 'request', f.traceId, f.contentSha256);

  return form.finish({
    classification: f.classification,
    restrictions: restrictionLabels(f.useRestrictions),
    footer: `Trace ${f.traceId}`,
  });
}

/** An answer's outcome, reason, dates, whether a record was found, and how it came when it came outside the system. */
function answerFields(form: FormDocument, a: FormAnswer): void {
  form.field('Outcome', label(OUTCOME_LABELS, a.outcome));
  if (a.outcome !== 'full' || a.reasonCode || a.reasonText) {
    form.field('Reason', a.reasonCode ? `${label(REASON_LABELS, a.reasonCode)} (${a.reasonCode})` : NOT_RECORDED);
    if (a.reasonText) form.block('Reason given', a.reasonText);
  }
  if (a.outcome === 'delayed' || a.expectedDate) {
    form.field('Full answer expected by', timestamp(a.expectedDate));
  }
  form.field('Record found', yesNo(a.recordFound));
  form.field('Answered', timestamp(a.answeredAt));
  if (a.received) {
    const reference = a.received.reference ? ` · reference ${a.received.reference}` : '';
    form.field('Received outside the system', `${label(CHANNEL_LABELS, a.received.via)}${reference} · recorded by ${a.received.recordedBy}, ${timestamp(a.received.recordedAt)}`);
  }
}

/** The chain of custody an answer reports, as a table, with the last legal holder and the next State to ask. */
function chainFields(form: FormDocument, a: FormAnswer): void {
  if (a.chain.length) {
    form.table(
      [
        { header: 'Event', weight: 1.6 },
        { header: 'Date', weight: 1.4 },
        { header: 'State', weight: 1 },
        { header: 'Counterpart State', weight: 1.3 },
        { header: 'Licence', weight: 1.5 },
        { header: 'Party', weight: 2.2 },
      ],
      a.chain.map((link) => [
        words(link.event),
        link.date ? timestamp(link.date) : '—',
        link.state ?? '—',
        link.counterpartState ?? '—',
        link.licenceRef ?? '—',
        link.party ?? '—',
      ]),
    );
  } else {
    form.paragraph('No chain of custody given.');
  }
  form.field('Last known legal holder', orNot(a.lastLegalHolder));
  form.field('Next State to ask', orNot(a.nextState));
}

export async function renderTraceResponsePdf(f: TraceResponseForm): Promise<Buffer> {
  const a = f.answer;
  // The header states every restriction that binds the reader: the trace's and the answering State's.
  const restrictions = unique([...f.useRestrictions, ...a.useRestrictions]);
  const form = new FormDocument({
    title: `Trace response ${f.traceId}`,
    author: f.requestedState.name,
    subject: `Answer of ${f.requestedState.name} to the trace request of ${f.requestingState.name} under the International Tracing Instrument`,
    keywords: `ITI; trace response; ${f.traceId}; sha256:${f.contentSha256}`,
    creationDate: creationDate(f.generatedAt),
  });

  form.title('Trace response', `Answer to trace request ${f.traceId} · Generated ${timestamp(f.generatedAt)}`);

  form.section('Parties');
  form.field('Requesting State', party(f.requestingState));
  form.field('Answering (requested) State', party(f.requestedState));

  form.section('Answer');
  answerFields(form, a);
  form.section('Chain of custody');
  chainFields(form, a);

  if (a.earlier?.length) {
    // Each as it was sent: what a later answer does not give again stands, and nothing reported is taken back.
    form.section('Earlier answers');
    a.earlier.forEach((before, i) => {
      form.caption(`Earlier answer ${i + 1} of ${a.earlier!.length}, ${timestamp(before.answeredAt)}`);
      answerFields(form, before);
      chainFields(form, before);
      form.field('Use restrictions it set', restrictionLabels(restrictionsAddedBy(before, f.useRestrictions)));
    });
  }

  form.section('Handling');
  form.field('Classification', words(f.classification));
  form.field('Use restrictions of the trace', restrictionLabels(f.useRestrictions));
  form.field('Use restrictions set by the answering State', restrictionLabels(restrictionsAddedBy(a, f.useRestrictions)));

  weaponSection(form, f.weapon, 'Weapon (as in the request)', f.requestPhotos ?? 0);

  verificationSection(form, 'response', f.traceId, f.contentSha256);

  return form.finish({
    classification: f.classification,
    restrictions: restrictionLabels(restrictions),
    footer: `Trace ${f.traceId}`,
  });
}
