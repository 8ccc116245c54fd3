package parc.orchestrator.processdesign;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Writes down, in the deployment's own transaction, where each new process version came
 * from and who sent it. Runs after the engine's deployers, when the versions are
 * numbered.
 */
class ProcessVersionRecorder implements Deployer {

	private final ProcessVersionRepository repository;

	private final String shippedDeploymentName;

	ProcessVersionRecorder(ProcessVersionRepository repository, String shippedDeploymentName) {
		this.repository = repository;
		this.shippedDeploymentName = shippedDeploymentName;
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		List<ProcessDefinitionEntity> definitions = deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
		if (!deployment.isNew() || definitions == null) {
			return;
		}
		ProcessOrigin origin = originOf(deployment.getSource(), deployment.getName(), this.shippedDeploymentName);
		String by = (origin == ProcessOrigin.SHIPPED) ? null : caller();
		Instant at = (deployment.getDeploymentTime() != null) ? deployment.getDeploymentTime().toInstant()
				: Instant.now();
		for (ProcessDefinitionEntity definition : definitions) {
			this.repository.insert(definition.getId(), definition.getKey(), definition.getVersion(), deployment.getId(),
					origin, by, at);
		}
	}

	/**
	 * Parc names its own deployments' source; Parc's start deploys the shipped files
	 * under the engine's auto-deployment name; anything else came through the engine's
	 * API.
	 */
	static ProcessOrigin originOf(String source, String name, String shippedDeploymentName) {
		for (ProcessOrigin origin : ProcessOrigin.values()) {
			if (origin.source().equals(source)) {
				return origin;
			}
		}
		if (shippedDeploymentName != null && shippedDeploymentName.equals(name)) {
			return ProcessOrigin.SHIPPED;
		}
		return ProcessOrigin.ENGINE_REST;
	}

	private static String caller() {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return (caller != null && caller.isAuthenticated()) ? caller.getName() : null;
	}

}
