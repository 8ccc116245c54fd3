package parc.orchestrator.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.stereotype.Service;

/**
 * What the engine knows of one machine of a deployment: each process instance it went
 * through, with the activities visited, the one it waits in, timers due and open
 * incidents. Read from the engine's history (level audit is enough) and runtime, so it
 * shows finished deployments too, which Cockpit's community edition does not.
 */
@Service
public class MachineProcessService {

	/** The deployment's own processes: shared by all its machines, not one machine's. */
	private static final Set<String> DEPLOYMENT_WIDE = Set.of(DeploymentPhaseVariables.DEPLOY_TO_MACHINES,
			"deploy-to-machine-batch");

	private final DeploymentService deployments;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final RepositoryService repository;

	MachineProcessService(DeploymentService deployments, HistoryService history, RuntimeService runtime,
			ManagementService management, RepositoryService repository) {
		this.deployments = deployments;
		this.history = history;
		this.runtime = runtime;
		this.management = management;
		this.repository = repository;
	}

	/**
	 * The machine's process instances, oldest first: its package (or bundle) process,
	 * then each phase process in the order they started.
	 * @throws DeploymentNotFoundException when there is no such deployment
	 * @throws MachineNotInDeploymentException when the machine is not one of its targets
	 */
	public List<MachineProcess> of(long deploymentId, long machineId) {
		DeploymentTarget target = this.deployments.get(deploymentId).target(machineId);
		List<HistoricProcessInstance> instances = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(DeploymentRuns.businessKey(deploymentId))
			.variableValueEquals(DeploymentPhaseVariables.MACHINE_NAME, target.machineName())
			.list();
		return instances.stream()
			.filter((instance) -> !DEPLOYMENT_WIDE.contains(instance.getProcessDefinitionKey()))
			.sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)
				.thenComparing(HistoricProcessInstance::getId))
			.map(this::describe)
			.toList();
	}

	/**
	 * The BPMN XML of a process definition, for the console's diagram.
	 * @throws IllegalArgumentException when there is no such definition
	 */
	public String diagram(String processDefinitionId) {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionId(processDefinitionId)
			.singleResult();
		if (definition == null) {
			throw new IllegalArgumentException("No process definition " + processDefinitionId);
		}
		try (InputStream xml = this.repository.getProcessModel(processDefinitionId)) {
			return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the diagram of " + processDefinitionId, ex);
		}
	}

	private MachineProcess describe(HistoricProcessInstance instance) {
		boolean running = instance.getEndTime() == null;
		List<MachineProcess.Step> steps = this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.filter((activity) -> !"multiInstanceBody".equals(activity.getActivityType()))
			.map(MachineProcessService::step)
			.toList();
		List<MachineProcess.Timer> timers = new ArrayList<>();
		List<MachineProcess.Incident> incidents = new ArrayList<>();
		if (running) {
			for (Job job : this.management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
				timers.add(new MachineProcess.Timer(activityOf(job), instant(job.getDuedate())));
			}
			this.runtime.createIncidentQuery()
				.processInstanceId(instance.getId())
				.list()
				.forEach((incident) -> incidents.add(new MachineProcess.Incident(incident.getActivityId(),
						incident.getIncidentMessage(), instant(incident.getIncidentTimestamp()))));
		}
		String name = this.repository.getProcessDefinition(instance.getProcessDefinitionId()).getName();
		return new MachineProcess(instance.getId(), instance.getProcessDefinitionId(),
				instance.getProcessDefinitionKey(), (name != null) ? name : instance.getProcessDefinitionKey(),
				phaseOf(instance), running, instant(instance.getStartTime()), instant(instance.getEndTime()), steps,
				timers, incidents);
	}

	private String phaseOf(HistoricProcessInstance instance) {
		if (!DeploymentPhaseVariables.DEPLOYMENT_PHASE.equals(instance.getProcessDefinitionKey())) {
			return null;
		}
		HistoricVariableInstance phase = this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(DeploymentPhaseVariables.PHASE)
			.singleResult();
		return (phase != null && phase.getValue() != null) ? phase.getValue().toString() : null;
	}

	private String activityOf(Job job) {
		JobDefinition definition = (job.getJobDefinitionId() != null)
				? this.management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
				: null;
		return (definition != null) ? definition.getActivityId() : null;
	}

	private static MachineProcess.Step step(HistoricActivityInstance activity) {
		return new MachineProcess.Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
				instant(activity.getStartTime()), instant(activity.getEndTime()), activity.isCanceled());
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
