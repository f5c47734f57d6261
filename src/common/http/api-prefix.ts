/** The prefix of every route of the API (the health checks and the API's description stand outside it). */
export const API_PREFIX = 'api/v1';
