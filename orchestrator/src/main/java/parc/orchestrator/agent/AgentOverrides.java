package parc.orchestrator.agent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A machine's own FREQUENCY and PROLOG_FREQ, replacing the server's; null keeps the
 * server setting.
 *
 * @param frequencyDays days between inventories; 0 = every contact, -1 = never
 * @param prologFrequencyHours hours between contacts
 */
public record AgentOverrides(@Min(-1) @Max(3650) Integer frequencyDays,
		@Min(1) @Max(8760) Integer prologFrequencyHours) {

	public static AgentOverrides none() {
		return new AgentOverrides(null, null);
	}

}
