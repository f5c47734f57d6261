/** A complete trace request body (FRA asks BEL about an FN rifle); override what the test is about. */
export function traceRequestBody(overrides: Record<string, unknown> = {}) {
  return {
    requestedState: 'BEL',
    requestingAuthority: 'Police judiciaire, Marseille',
    channel: 'direct',
    priority: 'routine',
    illicitBasis: ['illicit_under_national_law'],
    legalJustification: 'Code pénal, art. 222-52; seizure order 2026/118',
    recovery: { date: '2026-10-02', place: 'Marseille, La Joliette', context: 'Found in a vehicle during a customs check' },
    intendedUse: 'Criminal investigation into arms trafficking',
    useRestrictions: ['law_enforcement_only', 'no_onward_disclosure'],
    weapon: { type: 'assault rifle', make: 'Fabrique Nationale', model: 'FNC', calibre: '5.56x45', serial: 'NONE', markings: [{ component: 'receiver', text: 'FN HERSTAL' }] },
    ...overrides,
  };
}
