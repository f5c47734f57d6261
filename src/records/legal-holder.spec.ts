import { actorOf, custodianOf, holderAfter, legalHolderOf, recipientOf } from './legal-holder';

const party = (role: string, name: string) => ({ role, name });

describe('the recipient of a handing event', () => {
  it.each([
    ['a buyer after the seller', [party('seller', 'Armurerie Martin'), party('buyer', 'J. Dupont')], 'J. Dupont'],
    ['a buyer before the seller', [party('buyer', 'J. Dupont'), party('seller', 'Armurerie Martin')], 'J. Dupont'],
    ['the end user over the importer', [party('importer', 'Dealer SA'), party('end user', 'Armée de terre')], 'Armée de terre'],
    ['the end user over a consignee named before it', [party('consignee', 'Forwarder Ltd'), party('End_User', 'Ministry')], 'Ministry'],
    ['the importer over a consignee', [party('importer', 'Dealer SA'), party('consignee', 'Forwarder Ltd')], 'Dealer SA'],
    ['the acquirer over the owner who surrenders it', [party('acquirer', 'Ministry'), party('owner', 'J. Dupont')], 'Ministry'],
    ['the new holder over a holder', [party('holder', 'J. Dupont'), party('new holder', 'M. Lambert')], 'M. Lambert'],
    ['the last of two of a rank', [party('owner', 'A'), party('owner', 'B')], 'B'],
    ['the last party not handing over, roles unknown', [party('witness', 'C'), party('exporter', 'FN Herstal')], 'C'],
    ['no one when all hand over', [party('seller', 'A'), party('exporter', 'B')], null],
  ])('%s', (_label, parties, expected) => {
    expect(recipientOf(parties)).toBe(expected);
  });

  it('leaves a weapon bought back by the government with the State, not with the one who sold it, and a weapon made with its maker', () => {
    expect(holderAfter({ type: 'acquired_by_government', parties: [party('seller', 'John Doe')] }, 'KEN')).toBe('Government of KEN');
    expect(holderAfter({ type: 'acquired_by_government', parties: [] }, 'KEN')).toBe('Government of KEN');
    expect(holderAfter({ type: 'acquired_by_government', parties: [party('seller', 'John Doe'), party('acquirer', 'Kenya Police Service')] }, 'KEN')).toBe('Kenya Police Service');
    expect(holderAfter({ type: 'transferred_to_civilian', parties: [party('transferor', 'Ministry')] }, 'KEN')).toBeNull();
    expect(holderAfter({ type: 'manufactured', parties: [party('manufacturer', 'FN Herstal')] }, 'BEL')).toBe('FN Herstal');
  });

  it('names no one when no party is given', () => {
    expect(recipientOf([])).toBeNull();
  });
});

describe('who took a step that did not hand the weapon on', () => {
  it.each([
    ['the seizing unit named first', [party('seizing_unit', 'Douane'), party('holder', 'M. Lambert')], 'Douane'],
    ['the seizing unit named after the holder', [party('Holder', 'M. Lambert'), party('seizing unit', 'Douane')], 'Douane'],
    ['the first party when every one receives', [party('owner', 'A'), party('holder', 'B')], 'A'],
    ['not the one it was seized from, named first', [party('seized_from', 'M. Lambert'), party('seizing unit', 'Douane')], 'Douane'],
    ['not a previous holder named first', [party('previous holder', 'M. Lambert'), party('finder', 'Police')], 'Police'],
  ])('%s', (_label, parties, expected) => {
    expect(actorOf(parties)).toBe(expected);
  });

  it('names the custodian a custody transfer gave the records to, in any order', () => {
    expect(custodianOf([party('custodian', 'New Co'), party('previous_custodian', 'Old Co')])).toBe('New Co');
    expect(custodianOf([party('Previous-Custodian', 'Old Co'), party('Custodian', 'New Co')])).toBe('New Co');
  });
});

describe('the last known legal holder', () => {
  const made = { type: 'manufactured', parties: [party('manufacturer', 'FN Herstal')] };
  const sold = { type: 'transferred', parties: [party('seller', 'FN Herstal'), party('buyer', 'J. Dupont')] };
  const seized = { type: 'seized', parties: [party('seizing unit', 'Police')] };

  it('is the recipient of the latest transfer after the first event, never a seizure\'s party', () => {
    expect(legalHolderOf([made, sold, seized], 'Armurerie Martin', null, 'FRA')).toBe('J. Dupont');
  });

  it('is the State\'s government after it bought the weapon back, and no one known after a sale that names only its seller', () => {
    const boughtBack = { type: 'acquired_by_government', parties: [party('seller', 'J. Dupont')] };
    expect(legalHolderOf([made, sold, boughtBack], 'Armurerie Martin', null, 'FRA')).toBe('Government of FRA');
    const resold = { type: 'transferred_to_civilian', parties: [party('transferor', 'Ministère des Armées')] };
    expect(legalHolderOf([made, sold, boughtBack, resold], 'Armurerie Martin', null, 'FRA')).toBeNull();
  });

  it('is no one known after a sale that names no recipient: not the holder before it', () => {
    expect(legalHolderOf([made, sold, { type: 'transferred', parties: [] }], 'Armurerie Martin', null, 'FRA')).toBeNull();
  });

  it('is never the holder a record first registered as seized or found was registered with (the one it was taken from)', () => {
    expect(legalHolderOf([{ type: 'seized', parties: [party('seized from', 'J. Doe')] }], 'J. Doe', null, 'FRA')).toBeNull();
    expect(legalHolderOf([{ type: 'found', parties: [] }], 'M. Finder', null, 'FRA')).toBeNull();
    // Acquired by the State after it was found: the State's government.
    expect(legalHolderOf([{ type: 'found', parties: [] }, { type: 'acquired_by_government', parties: [] }], 'M. Finder', null, 'FRA')).toBe('Government of FRA');
  });

  it('is otherwise the holder registered, then the first event\'s recipient, then the custodian', () => {
    expect(legalHolderOf([made, seized], 'Armurerie Martin', 'Registry', 'FRA')).toBe('Armurerie Martin');
    expect(legalHolderOf([made, seized], null, 'Registry', 'FRA')).toBe('FN Herstal');
    expect(legalHolderOf([{ type: 'found', parties: [] }], null, 'Registry', 'FRA')).toBe('Registry');
  });

  it('is the dealer whose records these were, not the State its records passed to when it closed (ITI 13)', () => {
    const closed = { type: 'custody_transferred', parties: [party('previous_custodian', 'Beta Arms'), party('custodian', 'France (national registry)')] };
    expect(legalHolderOf([{ type: 'imported', parties: [] }, closed], null, 'France (national registry)', 'FRA')).toBe('Beta Arms');
    expect(legalHolderOf([{ type: 'imported', parties: [] }, { type: 'custody_transferred', parties: [party('custodian', 'Registry')] }], null, 'Registry', 'FRA')).toBeNull();
    // A role as a registrar may write it.
    const written = { type: 'custody_transferred', parties: [party('Previous-Custodian', 'Gamma Arms'), party('custodian', 'Registry')] };
    expect(legalHolderOf([{ type: 'imported', parties: [] }, written], null, 'Registry', 'FRA')).toBe('Gamma Arms');
  });
});
