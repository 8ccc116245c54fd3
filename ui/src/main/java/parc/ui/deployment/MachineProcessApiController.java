package parc.ui.deployment;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.deployment.MachineProcess;
import parc.orchestrator.deployment.MachineProcessService;

/**
 * {@code /api/deployments/{id}/targets/{machineId}/process}: what the engine knows of one
 * machine of a deployment, finished or running; and the BPMN of a process definition.
 */
@RestController
@Tag(name = "Deployments")
class MachineProcessApiController {

	private final MachineProcessService processes;

	MachineProcessApiController(MachineProcessService processes) {
		this.processes = processes;
	}

	@GetMapping("/api/deployments/{id}/targets/{machineId}/process")
	@Operation(summary = "The process instances a machine went through: activities visited, the one it waits in,"
			+ " timers due, open incidents")
	List<MachineProcess> process(@PathVariable long id, @PathVariable long machineId) {
		return this.processes.of(id, machineId);
	}

	@GetMapping("/api/process-diagrams/{definitionId}")
	@Operation(summary = "The BPMN XML of a process definition (processDefinitionId of a machine's process)")
	ResponseEntity<String> diagram(@PathVariable String definitionId) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(this.processes.diagram(definitionId));
	}

}
