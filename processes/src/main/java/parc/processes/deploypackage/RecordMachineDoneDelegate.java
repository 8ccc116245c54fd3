package parc.processes.deploypackage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.MachineProgress;
import parc.processes.shared.PhaseVariables;

/** Every phase the machine had to go through ended: it is DONE. */
@Component
public class RecordMachineDoneDelegate implements JavaDelegate {

	private final MachineProgress progress;

	RecordMachineDoneDelegate(MachineProgress progress) {
		this.progress = progress;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.progress.done((Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID),
				(String) execution.getVariable(PhaseVariables.MACHINE_NAME), ClockUtil.getCurrentTime().toInstant());
	}

}
