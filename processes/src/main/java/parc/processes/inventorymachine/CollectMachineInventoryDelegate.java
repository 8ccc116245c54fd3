package parc.processes.inventorymachine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import parc.orchestrator.periodicinventory.InventoryMachineProcess;
import parc.orchestrator.periodicinventory.PeriodicInventoryService;

/**
 * One attempt at the machine's inventory. A machine that does not answer is an outcome,
 * not an incident: the process tries again after its delay while attempts remain.
 */
@Component
public class CollectMachineInventoryDelegate implements JavaDelegate {

	private final PeriodicInventoryService inventories;

	CollectMachineInventoryDelegate(PeriodicInventoryService inventories) {
		this.inventories = inventories;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Integer previous = (Integer) execution.getVariable(InventoryMachineProcess.ATTEMPT);
		int attempt = (previous == null) ? 1 : previous + 1;
		int maxAttempts = (Integer) execution.getVariable(InventoryMachineProcess.MAX_ATTEMPTS);
		String error = this.inventories.collect((Long) execution.getVariable(InventoryMachineProcess.MACHINE_ID),
				(String) execution.getVariable(InventoryMachineProcess.REQUESTED_BY));
		execution.setVariable(InventoryMachineProcess.ATTEMPT, attempt);
		execution.setVariable(InventoryMachineProcess.COLLECTED, error == null);
		execution.setVariable(InventoryMachineProcess.COLLECTION_ERROR, error);
		execution.setVariable(InventoryMachineProcess.TRY_AGAIN, error != null && attempt < maxAttempts);
	}

}
