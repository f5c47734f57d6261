import type { WeaponDto } from '../registry/dto/weapon.response.dto';
import { prefillFrom } from './tracing.service';

/** A record as GET /weapons/:id gives it, with only what the prefill reads. */
function record(status: string, events: { type: string; occurredOn: string; counterpartState?: string; licenceRef?: string; parties?: { role: string; name: string }[] }[]): WeaponDto {
  return {
    status, countryOfManufacture: 'ITA', manufacturer: 'Beretta', legalHolder: 'Société de chasse du Jura',
    events: events.map((e, n) => ({
      id: `e${n}`, parties: [], licenceRef: null, authorisationRef: null, counterpartState: null, correctsEventId: null, restates: false, annuls: false,
      recordedAt: `${e.occurredOn}T12:00:00.000Z`, statusAfter: status, ...e,
    })),
  } as unknown as WeaponDto;
}

describe('an answer prefilled from a registry record', () => {
  it('sends the trace on to the State a weapon imported temporarily came from, and names who brought it', () => {
    const visiting = record('stolen', [
      { type: 'imported_temporarily', occurredOn: '2025-10-01', counterpartState: 'ITA', licenceRef: 'EFP-IT-2025-311', parties: [{ role: 'exporter', name: 'Armeria Brescia' }, { role: 'holder', name: 'Société de chasse du Jura' }] },
      { type: 'stolen', occurredOn: '2025-10-20' },
    ]);
    const prefill = prefillFrom(visiting, 'FRA');
    expect(prefill.nextState).toBe('ITA');
    expect(prefill.chain).toEqual([
      { event: 'manufactured', date: null, state: 'ITA', counterpartState: null, licenceRef: null, party: 'Beretta' },
      { event: 'imported_temporarily', date: '2025-10-01', state: 'FRA', counterpartState: 'ITA', licenceRef: 'EFP-IT-2025-311', party: 'Société de chasse du Jura' },
      { event: 'stolen', date: '2025-10-20', state: 'FRA', counterpartState: null, licenceRef: null, party: null },
    ]);
  });

  it('sends it on to the State a weapon was exported to, once it left again', () => {
    const left = record('exported', [
      { type: 'imported_temporarily', occurredOn: '2025-10-01', counterpartState: 'ITA', licenceRef: 'EFP-IT-2025-311' },
      { type: 'exported', occurredOn: '2025-11-01', counterpartState: 'CHE', licenceRef: 'EFP-IT-2025-311' },
    ]);
    expect(prefillFrom(left, 'FRA').nextState).toBe('CHE');
  });
});
