package parc.orchestrator.deployment;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.system.transaction.AfterCommit;

/**
 * Starts deployments as processes and acts on them as an administrator does: pause (each
 * machine stops before its next phase attempt), resume, stop (at once) and retry the
 * failed machines now. Every process instance of a deployment carries the business key
 * {@code deployment-<id>}, which is how Cockpit finds them and how stop removes them.
 */
@Service
@Validated
public class DeploymentRuns {

	private final DeploymentService deployments;

	private final MachineProgress progress;

	private final DeploymentRepository repository;

	private final RuntimeService runtime;

	private final SlotWaiters waiters;

	private final PhaseWorkGateway work;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	DeploymentRuns(DeploymentService deployments, MachineProgress progress, DeploymentRepository repository,
			RuntimeService runtime, SlotWaiters waiters, PhaseWorkGateway work, Optional<Clock> clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.deployments = deployments;
		this.progress = progress;
		this.repository = repository;
		this.runtime = runtime;
		this.waiters = waiters;
		this.work = work;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The business key of every process instance of a deployment. */
	public static String businessKey(long deploymentId) {
		return "deployment-" + deploymentId;
	}

	/**
	 * Records the deployment and starts its process; both commit together.
	 * @see DeploymentService#create
	 */
	@Transactional
	public Deployment launch(@Valid DeploymentRequest request, String requestedBy) {
		Deployment deployment = this.deployments.create(request, requestedBy);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(DeploymentPhaseVariables.DEPLOY_TO_MACHINES,
				businessKey(deployment.id()),
				Map.of(DeploymentPhaseVariables.DEPLOYMENT_ID, deployment.id(),
						DeploymentPhaseVariables.MACHINE_PROCESS, request.isBundle()
								? DeploymentPhaseVariables.DEPLOY_BUNDLE : DeploymentPhaseVariables.DEPLOY_PACKAGE));
		this.repository.processInstance(deployment.id(), instance.getId());
		return this.deployments.get(deployment.id());
	}

	/**
	 * Machines finish the phase attempt they are in, then wait; machines waiting for a
	 * window or a retry wait on past it.
	 * @throws DeploymentFinishedException when no machine has work ahead
	 */
	@Transactional
	public Deployment pause(long deploymentId, String by) {
		Deployment deployment = unfinished(deploymentId, "pause");
		this.repository.pauseRequested(deploymentId, true);
		logToUnfinished(deployment,
				"deployment paused by " + by + ": each machine stops at the end of its current phase attempt");
		return this.deployments.get(deploymentId);
	}

	/** Paused machines go on with their next phase. */
	@Transactional
	public Deployment resume(long deploymentId, String by) {
		Deployment deployment = unfinished(deploymentId, "resume");
		this.repository.pauseRequested(deploymentId, false);
		logToUnfinished(deployment, "deployment resumed by " + by);
		this.waiters.resumed(this.repository.topOf(deploymentId));
		return this.deployments.get(deploymentId);
	}

	/**
	 * Every machine with work ahead is STOPPED at once, its running phase marked failed;
	 * the processes are removed and the work in progress is interrupted.
	 */
	@Transactional
	public Deployment stop(long deploymentId, String by) {
		Deployment deployment = unfinished(deploymentId, "stop");
		Instant now = this.clock.instant();
		this.repository.stopped(deploymentId, by, now);
		for (DeploymentTarget target : deployment.targets()) {
			if (!target.state().isFinal()) {
				this.progress.stopped(deploymentId, target.machineName(), "stopped by " + by, now);
			}
		}
		for (BundlePart part : deployment.bundle()) {
			for (DeploymentTarget target : this.deployments.get(part.deploymentId()).targets()) {
				if (!target.state().isFinal()) {
					this.progress.stopped(part.deploymentId(), target.machineName(), "stopped by " + by, now);
				}
			}
		}
		List<String> instances = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey(deploymentId))
			// The roots: deleting one removes the phases it called.
			.rootProcessInstances()
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		if (!instances.isEmpty()) {
			this.runtime.deleteProcessInstancesIfExists(instances, "stopped by " + by, true, true, false);
		}
		List<Long> stopped = new java.util.ArrayList<>(List.of(deploymentId));
		deployment.bundle().forEach((part) -> stopped.add(part.deploymentId()));
		this.events.publishEvent(new DeploymentStopped(stopped));
		AfterCommit.run(() -> this.work.cancel(deploymentId));
		return this.deployments.get(deploymentId);
	}

	/**
	 * The failed machines start again from their first phase, with all their attempts.
	 * @return the deployment; unchanged when none had failed
	 */
	@Transactional
	public Deployment retryFailed(long deploymentId, String by) {
		Deployment deployment = this.deployments.get(deploymentId);
		List<DeploymentTarget> failed = deployment.targets()
			.stream()
			.filter((target) -> target.state() == TargetState.FAILED)
			.toList();
		if (failed.isEmpty()) {
			return deployment;
		}
		this.repository.restarted(deploymentId);
		Instant now = this.clock.instant();
		for (DeploymentTarget target : failed) {
			// A bundle starts again at the first level the machine has not done.
			for (BundlePart part : deployment.bundle()) {
				DeploymentTarget partTarget = this.deployments.target(part.deploymentId(), target.machineName());
				if (partTarget.state() == TargetState.FAILED) {
					this.progress.retried(part.deploymentId(), target.machineName(), notStarted(partTarget),
							"retried by " + by, now);
				}
			}
			Map<DeploymentPhase, PhaseStatus> phases = deployment.bundle().isEmpty() ? notStarted(target) : Map.of();
			this.progress.retried(deploymentId, target.machineName(), phases, "retried by " + by, now);
			this.runtime.startProcessInstanceByKey(
					deployment.bundle().isEmpty() ? DeploymentPhaseVariables.DEPLOY_PACKAGE
							: DeploymentPhaseVariables.DEPLOY_BUNDLE,
					businessKey(deploymentId), Map.of(DeploymentPhaseVariables.DEPLOYMENT_ID, deploymentId,
							DeploymentPhaseVariables.MACHINE_NAME, target.machineName()));
		}
		return this.deployments.get(deploymentId);
	}

	private static Map<DeploymentPhase, PhaseStatus> notStarted(DeploymentTarget target) {
		Map<DeploymentPhase, PhaseStatus> phases = new EnumMap<>(DeploymentPhase.class);
		target.phases().keySet().forEach((phase) -> phases.put(phase, PhaseStatus.NOT_STARTED));
		return phases;
	}

	private Deployment unfinished(long deploymentId, String action) {
		Deployment deployment = this.deployments.get(deploymentId);
		if (deployment.targets().stream().allMatch((target) -> target.state().isFinal())) {
			throw new DeploymentFinishedException(deploymentId, action);
		}
		return deployment;
	}

	private void logToUnfinished(Deployment deployment, String text) {
		Instant now = this.clock.instant();
		for (DeploymentTarget target : deployment.targets()) {
			if (!target.state().isFinal()) {
				this.progress.appendLog(deployment.id(), target.machineName(),
						new LogLine(now, null, LogLine.Kind.INFO, text));
			}
		}
	}

}
