import { HistoryEvent } from './corrections';

/** The events that put a weapon in new legal hands (not a loss, a seizure, or the custody of its records). */
export const HANDING_EVENTS: string[] = ['manufactured', 'imported', 'imported_temporarily', 'transferred', 'transferred_to_civilian', 'acquired_by_government'];
/**
 * Roles of the parties that receive a weapon, most specific first: the end user, then the new holder named
 * as such, then an intermediary (the importer before a consignee, who may only forward it), then an owner or
 * holder named without saying whether before or after. Roles are free text, compared in lower case with `_`
 * and `-` read as spaces.
 */
const RECIPIENT_ROLES = ['end user', 'new holder', 'acquirer', 'buyer', 'purchaser', 'transferee', 'recipient', 'importer', 'consignee', 'owner', 'holder'];
/** Roles of the party that hands a weapon over. */
const SENDER_ROLES = ['seller', 'vendor', 'supplier', 'exporter', 'consignor', 'transferor', 'previous holder', 'manufacturer'];

/** A party's role as roles are compared: in lower case, `_` and `-` read as spaces ("previous_custodian" is "Previous custodian"). */
export const roleOf = (p: { role: string }) => p.role.toLowerCase().replace(/[_-]+/g, ' ').trim();

/**
 * Who a handing event put the weapon in the hands of: the party with the first role of RECIPIENT_ROLES that
 * any names (the last of them if several do), else the last party not named as the one handing it over;
 * none when every party named handed it over (the seller of a weapon bought back is not its holder).
 */
export function recipientOf(parties: readonly { role: string; name: string }[]): string | null {
  for (const recipientRole of RECIPIENT_ROLES) {
    const recipient = parties.findLast((p) => roleOf(p) === recipientRole);
    if (recipient) return recipient.name;
  }
  return parties.findLast((p) => !SENDER_ROLES.includes(roleOf(p)))?.name ?? null;
}

/**
 * Whom an event that put the weapon in new legal hands (HANDING_EVENTS) in the State `stateCode` left it with: its
 * recipient; where it names none, the maker of a weapon made, the State's government for an acquisition by the
 * government; else no one known.
 */
export function holderAfter(event: Pick<HistoryEvent, 'type' | 'parties'>, stateCode: string): string | null {
  const recipient = recipientOf(event.parties);
  if (recipient) return recipient;
  if (event.type === 'manufactured') return event.parties.find((p) => roleOf(p) === 'manufacturer')?.name ?? null;
  return event.type === 'acquired_by_government' ? `Government of ${stateCode}` : null;
}

/**
 * Who took a step that did not hand the weapon on (a seizure, a finding, a loss): its first party not named as
 * one receiving or handing it, nor as the one it was taken from (`seized from`): the unit that seized it, not
 * the holder; else its first party.
 */
export function actorOf(parties: readonly { role: string; name: string }[]): string | null {
  const bystander = (role: string) => RECIPIENT_ROLES.includes(role) || SENDER_ROLES.includes(role) || / from$/.test(role);
  return (parties.find((p) => !bystander(roleOf(p))) ?? parties[0])?.name ?? null;
}

/** The custodian a custody transfer (ITI 13) gave the records to: the party named `custodian`, else the last. */
export function custodianOf(parties: readonly { role: string; name: string }[]): string | null {
  return (parties.find((p) => roleOf(p) === 'custodian') ?? parties.at(-1))?.name ?? null;
}

/**
 * A weapon's last known legal holder, from its history as it stands (`standing`, oldest first) in the State
 * `stateCode`: the recipient of the latest event that put it in new legal hands after its first one (the State's
 * government for an acquisition that names no recipient; none known if a sale names no recipient, or only its
 * seller); without one, the holder the record was registered with, then the recipient its first event names,
 * then the maker or dealer whose records these were. A seizure's or a loss's parties hold it for the State or
 * not at all: never legal holders, and nor is the holder a record first registered as seized or found was
 * registered with (the one it was taken from, or whoever found it).
 */
export function legalHolderOf(standing: readonly Pick<HistoryEvent, 'type' | 'parties'>[], registered: string | null, custodian: string | null, stateCode: string): string | null {
  const handed = [...standing].reverse().find((e) => HANDING_EVENTS.includes(e.type));
  if (handed && handed !== standing[0]) return holderAfter(handed, stateCode);
  if (standing[0] && !HANDING_EVENTS.includes(standing[0].type)) return firstCustodian(standing, custodian);
  return registered ?? (handed ? holderAfter(handed, stateCode) : null) ?? firstCustodian(standing, custodian);
}

/**
 * The custodian of a record's papers before any custody transfer (ITI 13): the one a transfer names as the
 * previous custodian, none if it names none. A closed company's records pass to the State, not its weapons.
 */
function firstCustodian(standing: readonly Pick<HistoryEvent, 'type' | 'parties'>[], custodian: string | null): string | null {
  const transfer = standing.find((e) => e.type === 'custody_transferred');
  if (!transfer) return custodian;
  return transfer.parties.find((p) => roleOf(p) === 'previous custodian')?.name ?? null;
}
