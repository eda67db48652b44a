import type { ScenarioId } from './ids.js';
import { prefillScenario } from './s1-prefill.js';
import { holdingScenario } from './s2-holding.js';
import { catalogScenario } from './s3-catalog.js';
import { submitScenario } from './s4-submit.js';
import type { Inputs, ScenarioDriver } from './types.js';

export { SCENARIO_IDS, SCENARIOS, type ScenarioId } from './ids.js';
export type { Inputs, ScenarioDriver, Step, Submission } from './types.js';

/** The requests, checks and floor of a scenario. S5 is S1's data asked as one parallel operation; its latency is switched on in the mocks. */
export function scenarioDriver(id: ScenarioId, inputs: Inputs): ScenarioDriver {
  switch (id) {
    case 'S1':
      return prefillScenario(inputs);
    case 'S5':
      return prefillScenario(inputs, 'parallel');
    case 'S6':
      return prefillScenario(inputs, 'nested', inputs.nextUser);
    case 'S2':
      return holdingScenario(inputs);
    case 'S3':
      return catalogScenario(inputs);
    case 'S4':
      return submitScenario(inputs);
  }
}
