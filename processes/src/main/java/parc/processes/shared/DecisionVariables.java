package parc.processes.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Variables that only steer the gateways and timers right after the delegate that sets
 * them, in the same transaction: set transient, so that they are neither written nor kept
 * in history (three to four rows per attempt of each phase). An instance started by an
 * older Parc may already hold one as a stored variable, which the engine will not turn
 * transient: there it stays stored.
 */
final class DecisionVariables {

	private DecisionVariables() {
	}

	static void set(DelegateExecution execution, String name, TypedValue transientValue) {
		TypedValue stored = execution.getVariableTyped(name);
		if (stored != null && !stored.isTransient()) {
			execution.setVariable(name, transientValue.getValue());
		}
		else {
			execution.setVariable(name, transientValue);
		}
	}

}
