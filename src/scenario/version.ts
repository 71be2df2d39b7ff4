// The version of the scenario format this code writes. Raise it only together with a migration
// step in migrations.ts, so that every file written before keeps loading.
export const CURRENT_SCHEMA_VERSION = 1;
