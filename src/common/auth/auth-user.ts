export const ROLES = ['officer', 'npc', 'registrar', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, taken from a verified access token and a live session. Services take it first. */
export interface AuthUser {
  id: string;
  stateCode: string;
  /** How the user is named on records (trace requests name their officer and NPC): display name, else username. */
  name: string;
  roles: Role[];
  sessionId: string;
  /** False until a user whose roles require MFA has enrolled and used it in this session. */
  mfaSatisfied: boolean;
}
