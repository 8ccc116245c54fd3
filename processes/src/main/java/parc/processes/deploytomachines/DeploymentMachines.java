package parc.processes.deploytomachines;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.processdesign.ProcessExpressionBean;

/**
 * The collections the fan-out iterates:
 * {@code ${deploymentMachines.batches(deploymentId)}} and
 * {@code ${deploymentMachines.namesInBatch(deploymentId, machineBatch)}}. Expressions
 * rather than variables, so that a list of a thousand names is not stored with the
 * process instance.
 */
@ProcessExpressionBean
@Component("deploymentMachines")
public class DeploymentMachines {

	/**
	 * Machines per batch. The engine reads a process instance's whole execution tree when
	 * one of its machines finishes, so the cost of a finish grows with the batch; 50
	 * keeps the two levels' trees small up to a few thousand machines.
	 */
	public static final int BATCH_SIZE = 50;

	private final DeploymentService deployments;

	DeploymentMachines(DeploymentService deployments) {
		this.deployments = deployments;
	}

	/** Batch numbers from 0: one per {@link #BATCH_SIZE} machines, at least one. */
	public List<Integer> batches(long deploymentId) {
		int machines = this.deployments.machineNames(deploymentId).size();
		int batches = Math.max(1, (machines + BATCH_SIZE - 1) / BATCH_SIZE);
		return IntStream.range(0, batches).boxed().toList();
	}

	/**
	 * Every name, in order: the collection of {@code deploy-to-machines} as deployed by
	 * Parc before the batches. A deployment an older Parc started, and cut by the upgrade
	 * before its fan-out ran, still evaluates it on its old process version.
	 */
	public List<String> names(long deploymentId) {
		return this.deployments.machineNames(deploymentId);
	}

	/** The names of one batch, in the deployment's name order. */
	public List<String> namesInBatch(long deploymentId, int batch) {
		List<String> names = this.deployments.machineNames(deploymentId);
		int from = Math.min(names.size(), batch * BATCH_SIZE);
		return names.subList(from, Math.min(names.size(), from + BATCH_SIZE));
	}

}
