// Pilot features: the operator's catalogue entries and the per-customer / per-account switches.
import type { PilotFeatureRecord, PilotGrantRecord, PilotLevel } from '../../pilot-records.js';
import type { PilotFeatureStore } from '../../store.js';
import type { Row } from '../driver.js';
import type { Sql } from '../sql.js';
import { big, bool, date, int, ms, str } from '../values.js';

function level(r: Row, column: string): PilotLevel {
  const v = str(r, column);
  if (v !== 'customer' && v !== 'account') throw new TypeError(`store: unknown pilot level ${v}`);
  return v;
}

function countries(text: string): string[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v) || !v.every((c) => typeof c === 'string')) throw new TypeError('store: pilot countries are not a list of strings');
  return v as string[];
}

export function featureFromRow(r: Row): PilotFeatureRecord {
  return {
    id: int(r, 'feature_id'), name: str(r, 'name'), level: level(r, 'level'),
    countries: countries(str(r, 'countries')), defaultOn: bool(r, 'default_on'),
  };
}

export function grantFromRow(r: Row): PilotGrantRecord {
  return {
    scope: level(r, 'scope'), entityId: big(r, 'entity_id'), featureId: int(r, 'feature_id'),
    enabled: bool(r, 'enabled'), changedTime: date(r, 'changed_time'),
  };
}

export function pilotFeaturePart(sql: Sql): PilotFeatureStore {
  return {
    async putPilotFeature(f) {
      const p = sql.params();
      await sql.run(
        `INSERT INTO pilot_features (feature_id, name, level, countries, default_on) VALUES (${p.add(f.id)}, ${p.add(f.name)}, `
        + `${p.add(f.level)}, ${p.add(JSON.stringify(f.countries))}, ${p.add(f.defaultOn)}) ON CONFLICT (feature_id) DO UPDATE SET `
        + 'name = excluded.name, level = excluded.level, countries = excluded.countries, default_on = excluded.default_on',
        p.values,
      );
    },

    async listPilotFeatures() {
      return (await sql.all('SELECT * FROM pilot_features ORDER BY feature_id', [])).map(featureFromRow);
    },

    async putPilotGrant(g) {
      const p = sql.params();
      await sql.run(
        `INSERT INTO pilot_feature_grants (scope, entity_id, feature_id, enabled, changed_time) VALUES (${p.add(g.scope)}, `
        + `${p.add(g.entityId)}, ${p.add(g.featureId)}, ${p.add(g.enabled)}, ${p.add(ms(g.changedTime))}) `
        + 'ON CONFLICT (scope, entity_id, feature_id) DO UPDATE SET enabled = excluded.enabled, changed_time = excluded.changed_time',
        p.values,
      );
    },

    async deletePilotGrant(scope, entityId, featureId) {
      const p = sql.params();
      const n = await sql.run(
        `DELETE FROM pilot_feature_grants WHERE scope = ${p.add(scope)} AND entity_id = ${p.add(entityId)} AND feature_id = ${p.add(featureId)}`,
        p.values,
      );
      return n > 0;
    },

    async listPilotGrants(scope, entityIds) {
      if (entityIds.length === 0) return [];
      const p = sql.params();
      const text = `SELECT * FROM pilot_feature_grants WHERE scope = ${p.add(scope)} AND ${p.inBigints('entity_id', entityIds)} `
        + 'ORDER BY entity_id, feature_id';
      return (await sql.all(text, p.values)).map(grantFromRow);
    },
  };
}
