/**
 * What reading the audit trail back costs: `AuditLog.checkChain` over records already written, as an anchor round
 * does with what was appended since the newest checkpoint (and a whole round with everything), against a fresh
 * database on the local PostgreSQL (TEST_DATABASE_ADMIN_URL to change it):
 *   npm run micro:audit-chain -w @egov/bench [-- --records=100000]
 * Prints, per reading, the wall time and this process's CPU (reading the rows, canonical JSON, HMAC), per record.
 */

import { AuditLog } from '@egov/security';
import { createPool } from '@egov/stores';
import { createTestDatabase } from '@egov/testkit';
import { median } from '../stats.js';

const records = Number(/--records=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 100_000);
const database = await createTestDatabase('egov_bench_audit_chain');
const pool = createPool(database.url, { applicationName: 'micro-audit-chain', max: 4 });
const audit = new AuditLog(pool, { subjectKey: 'micro-audit-chain-subject-key-0123' });
try {
  await audit.migrate();
  const fields = ['Person.address', 'Person.birthDate', 'Person.fullName', 'Query.person'];
  for (let written = 0; written < records; written += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, records - written) }, (_, i) => ({
      at: new Date(),
      requestId: `req-${written + i}`,
      service: 'individuals',
      actorKind: 'partner' as const,
      actorId: 'akimat-astana-licensing',
      actorAgency: 'AKIMAT-ASTANA',
      purpose: 'scrap-metal-licence',
      subjectId: String(850314301234 + ((written + i) % 997)),
      fields,
    }));
    await audit.append(batch);
  }
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let round = 0; round < 3; round++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const check = await audit.checkChain();
    const used = process.cpuUsage(cpu);
    if (!check.ok || check.checked !== records) throw new Error(`the chain did not verify: ${JSON.stringify(check)}`);
    walls.push(performance.now() - started);
    cpus.push((used.user + used.system) / 1000);
  }
  const wall = median(walls) ?? 0;
  const cpu = median(cpus) ?? 0;
  const perRecord = (ms: number) => ((ms * 1000) / records).toFixed(1);
  console.log(
    `checkChain over ${records} records: wall ${wall.toFixed(0)} ms (${perRecord(wall)} µs/record), this process's CPU ${cpu.toFixed(0)} ms (${perRecord(cpu)} µs/record); medians of 3`,
  );
} finally {
  await audit.close();
  await pool.end();
  await database.drop();
}
