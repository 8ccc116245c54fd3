package parc.processes.inventorymachine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import parc.orchestrator.periodicinventory.InventoryMachineProcess;
import parc.orchestrator.periodicinventory.PeriodicInventoryService;

/**
 * Counts the machine DONE or FAILED in its schedule run, which starts the next waiting
 * machine in its place and ends when none is left.
 */
@Component
public class CountInventoriedMachineDelegate implements JavaDelegate {

	private final PeriodicInventoryService inventories;

	CountInventoriedMachineDelegate(PeriodicInventoryService inventories) {
		this.inventories = inventories;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.inventories.machineFinished((Long) execution.getVariable(InventoryMachineProcess.RUN_ID),
				(Long) execution.getVariable(InventoryMachineProcess.MACHINE_ID),
				(String) execution.getVariable(InventoryMachineProcess.COLLECTION_ERROR),
				(String) execution.getVariable(InventoryMachineProcess.REQUESTED_BY));
	}

}
