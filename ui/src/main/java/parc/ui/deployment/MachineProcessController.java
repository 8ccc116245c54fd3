package parc.ui.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.MachineProcess;
import parc.orchestrator.deployment.MachineProcessService;

/**
 * A machine's process view in a deployment: each process it went through, drawn from its
 * BPMN with the activities visited, the one it waits in, timers and incidents marked.
 * Parc's own view, since Cockpit's community edition shows running instances only.
 */
@Controller
@RequestMapping("/deployments")
class MachineProcessController {

	static final String VIEW = "deployments/machineProcess";

	private final DeploymentService deployments;

	private final MachineProcessService processes;

	private final ObjectMapper json;

	MachineProcessController(DeploymentService deployments, MachineProcessService processes, ObjectMapper json) {
		this.deployments = deployments;
		this.processes = processes;
		this.json = json;
	}

	@GetMapping("/{id}/machines/{machineId}/process")
	String process(@PathVariable long id, @PathVariable long machineId, Model model) throws JsonProcessingException {
		Deployment deployment = this.deployments.get(id);
		DeploymentTarget target = deployment.target(machineId);
		List<ProcessCard> cards = new ArrayList<>();
		for (MachineProcess process : this.processes.of(id, machineId)) {
			cards.add(new ProcessCard(process, this.json.writeValueAsString(DiagramMarkers.of(process))));
		}
		model.addAttribute("deployment", deployment);
		model.addAttribute("target", target);
		model.addAttribute("processes", cards);
		model.addAttribute("zone", this.deployments.zone());
		return VIEW;
	}

	/** The BPMN the page's viewer draws; same session as the page, unlike the API. */
	@GetMapping("/process-diagrams/{definitionId}")
	ResponseEntity<String> diagram(@PathVariable String definitionId) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(this.processes.diagram(definitionId));
	}

	/** One process instance and the markers its diagram gets, as JSON for the script. */
	record ProcessCard(MachineProcess process, String markers) {

	}

	/**
	 * Element ids by what happened there, and how many times each was entered (a retried
	 * phase goes through the same elements again).
	 */
	record DiagramMarkers(Set<String> visited, Set<String> waiting, Set<String> timers, Set<String> incidents,
			Map<String, Integer> visits) {

		static DiagramMarkers of(MachineProcess process) {
			Set<String> visited = new LinkedHashSet<>();
			Set<String> waiting = new LinkedHashSet<>();
			Map<String, Integer> visits = new LinkedHashMap<>();
			for (MachineProcess.Step step : process.steps()) {
				(step.waiting() ? waiting : visited).add(step.activityId());
				visits.merge(step.activityId(), 1, Integer::sum);
			}
			visited.removeAll(waiting);
			Set<String> timers = new LinkedHashSet<>();
			process.timers().forEach((timer) -> timers.add(timer.activityId()));
			Set<String> incidents = new LinkedHashSet<>();
			process.incidents().forEach((incident) -> incidents.add(incident.activityId()));
			return new DiagramMarkers(visited, waiting, timers, incidents, visits);
		}

	}

}
