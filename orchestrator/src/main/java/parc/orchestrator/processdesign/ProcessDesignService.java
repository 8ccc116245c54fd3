package parc.orchestrator.processdesign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * The processes Parc runs and their versions: list them, read a version's BPMN, deploy a
 * new one (checked by the engine before it is accepted, see {@link CheckedBpmnParse}),
 * make an earlier one the version in use again, and compare a version with the shipped
 * one. The version in use is the latest: what new deployments start and what call
 * activities call, as the engine does by default. Running instances keep the version they
 * started with.
 */
@Service
public class ProcessDesignService {

	/** Far above any real process (Parc's largest is about 30 KB). */
	public static final int MAX_BPMN_BYTES = 2 * 1024 * 1024;

	private final RepositoryService engine;

	private final ProcessVersionRepository versions;

	private final String shippedDeploymentName;

	ProcessDesignService(RepositoryService engine, ProcessVersionRepository versions,
			SpringTransactionsProcessEngineConfiguration configuration) {
		this.engine = engine;
		this.versions = versions;
		this.shippedDeploymentName = configuration.getDeploymentName();
	}

	/**
	 * Every process, by key, optionally those whose key or name contains {@code filter}.
	 */
	public List<ProcessSummary> processes(String filter) {
		String wanted = (filter == null) ? "" : filter.trim().toLowerCase(Locale.ROOT);
		List<ProcessSummary> processes = new ArrayList<>();
		for (ProcessDefinition latest : this.engine.createProcessDefinitionQuery()
			.latestVersion()
			.orderByProcessDefinitionKey()
			.asc()
			.list()) {
			String name = (latest.getName() != null) ? latest.getName() : latest.getKey();
			if (!wanted.isEmpty() && !latest.getKey().toLowerCase(Locale.ROOT).contains(wanted)
					&& !name.toLowerCase(Locale.ROOT).contains(wanted)) {
				continue;
			}
			List<ProcessVersion> all = versionsOf(latest.getKey());
			Integer shipped = all.stream()
				.filter((version) -> version.origin() == ProcessOrigin.SHIPPED)
				.map(ProcessVersion::version)
				.findFirst()
				.orElse(null);
			processes.add(new ProcessSummary(latest.getKey(), name, all.get(0), all.size(), shipped));
		}
		return processes;
	}

	/** A process's versions, the latest (in use) first. */
	public Page<ProcessVersion> versions(String key, PageRequest page) {
		List<ProcessVersion> all = versionsOf(key);
		if (all.isEmpty()) {
			throw new ProcessVersionNotFoundException(key, null);
		}
		int from = (int) Math.min(page.offset(), all.size());
		int to = Math.min(from + page.size(), all.size());
		return new Page<>(all.subList(from, to), page.page(), page.size(), all.size());
	}

	/** The version new deployments use: the latest. */
	public ProcessVersion inUse(String key) {
		List<ProcessVersion> all = versionsOf(key);
		if (all.isEmpty()) {
			throw new ProcessVersionNotFoundException(key, null);
		}
		return all.get(0);
	}

	public ProcessVersion version(String key, int version) {
		return versionsOf(key).stream()
			.filter((found) -> found.version() == version)
			.findFirst()
			.orElseThrow(() -> new ProcessVersionNotFoundException(key, version));
	}

	/** The version's BPMN, as it was deployed. */
	public byte[] bpmn(String key, int version) {
		ProcessDefinition definition = definition(key, version);
		try (InputStream in = this.engine.getResourceAsStream(definition.getDeploymentId(),
				definition.getResourceName())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deploys a BPMN file's processes as new versions, which new deployments use from now
	 * on. A file identical to the version in use deploys nothing.
	 * @param fileName the file's name; only its last part is kept
	 * @return the versions created, none if nothing changed
	 * @throws ProcessRefusedException with every reason, when the engine refuses it; then
	 * nothing is deployed
	 */
	@Transactional
	public List<ProcessVersion> deploy(String fileName, byte[] bpmn, ProcessOrigin origin) {
		String resource = resourceName(fileName);
		if (bpmn.length > MAX_BPMN_BYTES) {
			throw new ProcessRefusedException(List.of(new ProcessProblem(null,
					"The file is larger than " + (MAX_BPMN_BYTES / 1024 / 1024) + " MB: it cannot be a process")));
		}
		DeploymentWithDefinitions deployed = deployChecked(resource, bpmn, origin, true);
		List<ProcessDefinition> definitions = (deployed.getDeployedProcessDefinitions() != null)
				? deployed.getDeployedProcessDefinitions() : List.of();
		return definitions.stream().map((definition) -> version(definition.getKey(), definition.getVersion())).toList();
	}

	/**
	 * Makes an earlier version the one in use again, by deploying its BPMN as a new
	 * version (which records the one it copies). The version in use is left as it is.
	 * @throws ProcessRefusedException when today's Parc no longer accepts that version
	 */
	@Transactional
	public ProcessVersion rollBack(String key, int version) {
		ProcessDefinition definition = definition(key, version);
		ProcessVersion current = inUse(key);
		if (current.version() == version) {
			return current;
		}
		DeploymentWithDefinitions deployed = deployChecked(definition.getResourceName(), bpmn(key, version),
				ProcessOrigin.ROLLBACK, false);
		ProcessDefinition copy = deployed.getDeployedProcessDefinitions()
			.stream()
			.filter((found) -> found.getKey().equals(key))
			.findFirst()
			.orElseThrow();
		this.versions.markCopiedFrom(copy.getId(), version);
		return version(key, copy.getVersion());
	}

	/** How a version differs from the latest version shipped with Parc. */
	public ProcessChanges changesFromShipped(String key, int version) {
		ProcessVersion shipped = versionsOf(key).stream()
			.filter((found) -> found.origin() == ProcessOrigin.SHIPPED)
			.findFirst()
			.orElseThrow(() -> new ProcessVersionNotFoundException(key, null));
		return ProcessComparison.compare(key, version, bpmn(key, version), shipped.version(),
				bpmn(key, shipped.version()));
	}

	private DeploymentWithDefinitions deployChecked(String resource, byte[] bpmn, ProcessOrigin origin,
			boolean unchangedDeploysNothing) {
		try {
			var builder = this.engine.createDeployment()
				.name(resource.replaceFirst("\\.bpmn(20\\.xml)?$", ""))
				.source(origin.source())
				.addInputStream(resource, new ByteArrayInputStream(bpmn));
			if (unchangedDeploysNothing) {
				builder = builder.enableDuplicateFiltering(false);
			}
			return builder.deployWithResult();
		}
		catch (ParseException ex) {
			throw new ProcessRefusedException(problems(ex));
		}
		catch (ProcessEngineException ex) {
			throw new ProcessRefusedException(List.of(new ProcessProblem(null, ex.getMessage())));
		}
	}

	private static List<ProcessProblem> problems(ParseException ex) {
		List<ProcessProblem> problems = new ArrayList<>();
		// Camunda spells it so.
		for (ResourceReport report : ex.getResorceReports()) {
			for (Problem problem : report.getErrors()) {
				problems.add(new ProcessProblem(problem.getMainElementId(), problem.getMessage()));
			}
		}
		if (problems.isEmpty()) {
			problems.add(new ProcessProblem(null, ex.getMessage()));
		}
		return problems;
	}

	/** Only the name's last part, and a BPMN suffix the engine recognises. */
	static String resourceName(String fileName) {
		String name = (fileName == null) ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).trim();
		if (!name.endsWith(".bpmn") && !name.endsWith(".bpmn20.xml")) {
			throw new ProcessRefusedException(
					List.of(new ProcessProblem(null, "'" + name + "' is not a BPMN file: its name must end in .bpmn")));
		}
		return name;
	}

	private ProcessDefinition definition(String key, int version) {
		ProcessDefinition definition = this.engine.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.singleResult();
		if (definition == null) {
			throw new ProcessVersionNotFoundException(key, version);
		}
		return definition;
	}

	/** Newest first: the engine's query orders them, and the first is the one in use. */
	private List<ProcessVersion> versionsOf(String key) {
		List<ProcessDefinition> definitions = this.engine.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.orderByProcessDefinitionVersion()
			.desc()
			.list();
		Map<String, ProcessVersionRepository.Provenance> known = this.versions
			.find(definitions.stream().map(ProcessDefinition::getId).toList());
		List<ProcessVersion> found = new ArrayList<>();
		for (ProcessDefinition definition : definitions) {
			ProcessVersionRepository.Provenance provenance = known.get(definition.getId());
			if (provenance == null) {
				provenance = fromEngine(definition);
			}
			found.add(new ProcessVersion(definition.getId(), definition.getKey(),
					(definition.getName() != null) ? definition.getName() : definition.getKey(),
					definition.getVersion(), provenance.origin(), provenance.deployedBy(), provenance.deployedAt(),
					provenance.copiedFrom(), found.isEmpty()));
		}
		return found;
	}

	/**
	 * A version deployed before Parc recorded versions: what the engine's record says.
	 */
	private ProcessVersionRepository.Provenance fromEngine(ProcessDefinition definition) {
		Deployment deployment = this.engine.createDeploymentQuery()
			.deploymentId(definition.getDeploymentId())
			.singleResult();
		ProcessOrigin origin = ProcessVersionRecorder.originOf(deployment.getSource(), deployment.getName(),
				this.shippedDeploymentName);
		return new ProcessVersionRepository.Provenance(origin, null, deployment.getDeploymentTime().toInstant(), null);
	}

}
