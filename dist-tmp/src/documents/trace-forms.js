"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.canonicalSha256 = canonicalSha256;
exports.renderTraceRequestPdf = renderTraceRequestPdf;
exports.renderTraceResponsePdf = renderTraceResponsePdf;
const trace_entity_1 = require("../tracing/entities/trace.entity");
const node_crypto_1 = require("node:crypto");
const canonicalize_1 = __importDefault(require("canonicalize"));
const pdf_layout_1 = require("./pdf-layout");
const weapon_types_json_1 = __importDefault(require("../reference/data/weapon-types.json"));
/** SHA-256 (hex) of the RFC 8785 canonical JSON of `value`. */
function canonicalSha256(value) {
    const json = (0, canonicalize_1.default)(value);
    if (json === undefined)
        throw new TypeError('canonicalSha256: the value has no JSON form');
    return (0, node_crypto_1.createHash)('sha256').update(json, 'utf8').digest('hex');
}
// ---- Readable labels. Unknown codes fall back to the code in words, so a new code never breaks a form.
const RESTRICTION_LABELS = {
    law_enforcement_only: 'Law enforcement only',
    no_onward_disclosure: 'No onward disclosure',
    not_for_use_in_court_without_consent: 'Not for use in court without consent',
    no_publication: 'No publication',
    destroy_after_use: 'Destroy after use',
};
const ILLICIT_BASIS_LABELS = {
    illicit_under_national_law: 'Illicit under the law of the State where it was found (ITI para 6(a))',
    transferred_against_embargo: 'Transferred in violation of a Security Council arms embargo (ITI para 6(b))',
    not_marked_per_iti: 'Not marked in accordance with the Instrument (ITI para 6(c))',
    manufactured_without_licence: 'Manufactured or assembled without licence or authorization (ITI para 6(d))',
    transferred_without_licence: 'Transferred without licence or authorization (ITI para 6(e))',
};
const CHANNEL_LABELS = {
    direct: 'Direct, between national points of contact',
    interpol: 'INTERPOL',
    diplomatic: 'Diplomatic channels',
};
const OUTCOME_LABELS = {
    full: 'Full answer',
    partial: 'Partial answer',
    delayed: 'Answer delayed',
    refused: 'Answer refused',
};
const REASON_LABELS = {
    ongoing_criminal_investigation: 'Ongoing criminal investigation',
    national_law: 'Restricted by national law',
    confidentiality_not_guaranteed: 'Confidentiality not guaranteed',
    national_security: 'National security',
    no_record: 'No record found',
    other: 'Other reason',
};
function words(code) {
    const text = code.replace(/[_-]+/g, ' ').trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** The ITI para 4 types by code (shipped data, node-wide): a type taken from a registry record is its code. */
const WEAPON_TYPE_NAMES = Object.fromEntries(weapon_types_json_1.default.entries.map((entry) => [entry.code, entry.name]));
/** A weapon type as printed: a reference type by its name and code, free text as written. */
function weaponTypeText(type) {
    if (type === null || !Object.prototype.hasOwnProperty.call(WEAPON_TYPE_NAMES, type))
        return orNot(type);
    return `${WEAPON_TYPE_NAMES[type]} (${type})`;
}
function label(labels, code) {
    return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : words(code);
}
function restrictionLabels(codes) {
    return codes.length ? codes.map((code) => label(RESTRICTION_LABELS, code)).join(' · ') : 'No use restrictions';
}
function illicitBasisLabel(code) {
    return Object.prototype.hasOwnProperty.call(ILLICIT_BASIS_LABELS, code) ? ILLICIT_BASIS_LABELS[code] : `${words(code)} (ITI para 6)`;
}
const NOT_RECORDED = 'not recorded';
function orNot(value) {
    return value === null || value === undefined || value === '' ? NOT_RECORDED : String(value);
}
function yesNo(value) {
    return value ? 'Yes' : 'No';
}
function party(p) {
    return `${p.name} (${p.code})`;
}
/** "2024-05-02T09:30:00.000Z" → "2024-05-02 09:30:00 UTC"; a plain date or anything else is kept. */
function timestamp(value) {
    if (!value)
        return NOT_RECORDED;
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value))
        return value;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
function creationDate(generatedAt) {
    const date = new Date(generatedAt);
    if (Number.isNaN(date.getTime()))
        throw new RangeError(`generatedAt is not a timestamp: ${generatedAt}`);
    return date;
}
function unique(values) {
    return [...new Set(values)];
}
// ---- Shared sections
/** The serial as observed: every field of it the request holds (and its hash covers), a serial given with an obliterated one too. */
function serialText(weapon) {
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
function weaponSection(form, weapon, heading, photos) {
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
    }
    else {
        form.caption(`Markings (${weapon.markings.length}), as read on the weapon`);
        form.table([
            { header: '#', weight: 0.5 },
            { header: 'Component', weight: 2 },
            { header: 'Text as read', weight: 5 },
        ], weapon.markings.map((marking, i) => [String(i + 1), marking.component, marking.text]));
    }
    const attached = photos === 'follow' ? 0 : photos;
    if (weapon.photoRefs.length) {
        form.caption(photosFollow
            ? 'Photo references recorded with the markings'
            : 'Photographs (not reproduced here: each photo reference names one image)');
        form.list(weapon.photoRefs.map((ref, i) => `Photo reference ${i + 1}: ${ref}`));
    }
    else {
        form.field(photosFollow || attached > 0 ? 'Photo references' : 'Photographs', 'No photo reference.');
    }
    if (attached > 0)
        form.field('Photos of markings', `${attached} attached to the request, reproduced in the request form (request.pdf)`);
}
/** A State's contact points as a list (`more`: the directory holds more than those printed, and says where). */
function contactPointsSection(form, contacts, caption, state, more = false) {
    if (!contacts.length) {
        form.field(caption, 'none on record');
        return;
    }
    form.caption(more ? `${caption} (the first ${contacts.length}; all of them: GET /api/v1/states/${state.code}/contact-points)` : caption);
    form.list(contacts.map((cp) => [cp.name, cp.agency, cp.email, cp.phone].filter((part) => !!part).join(' — ')));
}
/** Photos are drawn at most this high (points), and never wider than the text. */
const PHOTO_MAX_HEIGHT = 260;
function photoDescription(n, photo) {
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
function photosSection(form, photos) {
    const heading = 'Photos of markings';
    if (!photos.length) {
        form.section(heading);
        form.paragraph('No photos attached');
        return;
    }
    photos.forEach((photo, i) => {
        const n = i + 1;
        const description = photoDescription(n, photo);
        let image = null;
        let failure = '';
        try {
            if ((0, node_crypto_1.createHash)('sha256').update(photo.data).digest('hex') !== photo.sha256.toLowerCase()) {
                failure = 'the image bytes do not match this SHA-256';
            }
            else {
                image = form.embedImage(photo.data, photo.mediaType);
            }
        }
        catch (error) {
            failure = error instanceof pdf_layout_1.ImageError ? error.message : 'the image could not be decoded';
        }
        if (image) {
            const hashLine = `SHA-256 ${photo.sha256}`;
            const text = form.paragraphHeight(description) + form.monoLineHeight(hashLine);
            // The heading stays with the first photo (12 pt: the heading's own spacing).
            if (i === 0)
                form.section(heading, form.imageSize(image, PHOTO_MAX_HEIGHT).height + 4 + text + 12);
            form.figure(image, { alt: `${description} (photo of a marking)`, maxHeight: PHOTO_MAX_HEIGHT, keepWith: text });
            form.paragraph(description);
            form.monoLine(hashLine);
        }
        else {
            // On one line (monospaced, as small as it takes), so the hash is never cut.
            const notice = `Photo ${n} could not be rendered (SHA-256 ${photo.sha256})`;
            const what = `${description} (not shown: ${failure})`;
            const height = form.monoLineHeight(notice) + form.paragraphHeight(what);
            if (i === 0)
                form.section(heading, height + 12);
            else
                form.keep(height);
            form.monoLine(notice);
            form.paragraph(what);
        }
        form.space(8);
    });
}
function verificationSection(form, kind, traceId, sha256) {
    const payload = `iti-trace:${kind}:${traceId}:sha256:${sha256}`;
    const qrSize = 128;
    form.section('Verification', qrSize + 60); // the block stays on one page
    form.paragraph(`SHA-256 of the ${kind}'s canonical content (RFC 8785 JSON):`);
    form.monoLine(sha256);
    form.qrCode(payload, qrSize);
    form.monoLine(payload, 8);
}
// ---- The two forms
async function renderTraceRequestPdf(f) {
    const form = new pdf_layout_1.FormDocument({
        title: `Trace request ${f.traceId}`,
        author: `${f.requestingAuthority}, ${f.requestingState.name}`,
        subject: `Trace request under the International Tracing Instrument from ${f.requestingState.name} to ${f.requestedState.name}`,
        keywords: `ITI; trace request; ${f.traceId}; sha256:${f.contentSha256}`,
        creationDate: creationDate(f.generatedAt),
    });
    form.title('Trace request (International Tracing Instrument)', `Trace ${f.traceId} · Status: ${words(f.status)} · Generated ${timestamp(f.generatedAt)}`);
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
    }
    else {
        form.field('Why illicit (ITI para 6)', 'none given');
    }
    form.block('Legal justification', f.legalJustification);
    form.section('Circumstances of recovery');
    form.field('Date', timestamp(f.recovery.date));
    form.field('Place', f.recovery.place);
    form.block('Context', f.recovery.context);
    form.section('Intended use of the information');
    form.paragraph(f.intendedUse);
    if (f.disclosedCaseInformation?.length) {
        form.section('Case information disclosed with the request');
        for (const item of f.disclosedCaseInformation)
            form.block(item.label, item.text);
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
    form.field('Submitted', timestamp(f.submittedAt));
    form.field('Sent', timestamp(f.sentAt));
    verificationSection(form, 'request', f.traceId, f.contentSha256);
    return form.finish({
        classification: f.classification,
        restrictions: restrictionLabels(f.useRestrictions),
        footer: `Trace ${f.traceId}`,
    });
}
async function renderTraceResponsePdf(f) {
    const a = f.answer;
    // The header states every restriction that binds the reader: the trace's and the answering State's.
    const restrictions = unique([...f.useRestrictions, ...a.useRestrictions]);
    const form = new pdf_layout_1.FormDocument({
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
    form.field('Outcome', label(OUTCOME_LABELS, a.outcome));
    if (a.outcome !== 'full' || a.reasonCode || a.reasonText) {
        form.field('Reason', a.reasonCode ? `${label(REASON_LABELS, a.reasonCode)} (${a.reasonCode})` : NOT_RECORDED);
        if (a.reasonText)
            form.block('Reason given', a.reasonText);
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
    for (const before of a.earlier ?? []) {
        const reason = [before.reasonCode ? label(REASON_LABELS, before.reasonCode) : null, before.reasonText, before.expectedDate ? `expected by ${timestamp(before.expectedDate)}` : null];
        form.field(`Earlier answer, ${timestamp(before.answeredAt)}`, [label(OUTCOME_LABELS, before.outcome), ...reason.filter(Boolean)].join(' · '));
    }
    form.section('Chain of custody');
    if (a.chain.length) {
        form.table([
            { header: 'Event', weight: 1.6 },
            { header: 'Date', weight: 1.4 },
            { header: 'State', weight: 1 },
            { header: 'Counterpart State', weight: 1.3 },
            { header: 'Licence', weight: 1.5 },
            { header: 'Party', weight: 2.2 },
        ], a.chain.map((link) => [
            words(link.event),
            link.date ? timestamp(link.date) : '—',
            link.state ?? '—',
            link.counterpartState ?? '—',
            link.licenceRef ?? '—',
            link.party ?? '—',
        ]));
    }
    else {
        form.paragraph('No chain of custody given.');
    }
    form.field('Last known legal holder', orNot(a.lastLegalHolder));
    form.field('Next State to ask', orNot(a.nextState));
    form.section('Handling');
    form.field('Classification', words(f.classification));
    form.field('Use restrictions of the trace', restrictionLabels(f.useRestrictions));
    form.field('Use restrictions set by the answering State', restrictionLabels((0, trace_entity_1.restrictionsAddedBy)(a, f.useRestrictions)));
    weaponSection(form, f.weapon, 'Weapon (as in the request)', f.requestPhotos ?? 0);
    verificationSection(form, 'response', f.traceId, f.contentSha256);
    return form.finish({
        classification: f.classification,
        restrictions: restrictionLabels(restrictions),
        footer: `Trace ${f.traceId}`,
    });
}
//# sourceMappingURL=trace-forms.js.map