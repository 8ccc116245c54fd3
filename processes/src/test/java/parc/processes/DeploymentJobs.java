package parc.processes;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

import parc.orchestrator.deployment.DeploymentRuns;

/**
 * Runs the engine's jobs by hand in process tests, where the job executor is off: those
 * due now of the given deployments, and those they create, until none is left. (Other
 * classes share the engine and leave their own jobs.)
 */
public final class DeploymentJobs {

	private DeploymentJobs() {
	}

	public static void runDue(RuntimeService runtime, ManagementService management, List<Long> deploymentIds) {
		for (int round = 0; round < 1000; round++) {
			List<Job> due = new ArrayList<>();
			for (long deploymentId : deploymentIds) {
				runtime.createProcessInstanceQuery()
					.processInstanceBusinessKey(DeploymentRuns.businessKey(deploymentId))
					.list()
					.forEach((instance) -> due
						.addAll(management.createJobQuery().processInstanceId(instance.getId()).executable().list()));
			}
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> management.executeJob(job.getId()));
		}
		throw new AssertionError("jobs keep coming");
	}

}
