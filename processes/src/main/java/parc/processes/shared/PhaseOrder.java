package parc.processes.shared;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.processdesign.ProcessExpressionBean;

/**
 * The priority of a phase's external task ({@code deployment-phase}'s
 * {@code camunda:taskPriority}): phases further along a machine's deployment come first,
 * so that workers finish the machines they started before they start new ones. The
 * machine's next phase then starts while the SSH session its last phase left open is
 * still kept, instead of logging in again after the other machines' transfers.
 */
@ProcessExpressionBean
@Component("phaseOrder")
public class PhaseOrder {

	/** Higher for later phases: WOL lowest, SHUTDOWN highest. */
	public long priority(String phase) {
		return DeploymentPhase.valueOf(phase).ordinal();
	}

}
