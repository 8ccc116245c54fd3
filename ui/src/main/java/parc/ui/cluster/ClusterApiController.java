package parc.ui.cluster;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.cluster.ClusterNode;
import parc.orchestrator.cluster.ClusterService;
import parc.orchestrator.cluster.NodeNotRemovableException;

/** The cluster's nodes (administrators). */
@RestController
@RequestMapping("/api/cluster/nodes")
class ClusterApiController {

	private final ClusterService cluster;

	ClusterApiController(ClusterService cluster) {
		this.cluster = cluster;
	}

	@GetMapping
	@Operation(summary = "Every node seen: its heartbeat, state (UP, STOPPED, MISSING) and last minute's work;"
			+ " self marks the node that answered")
	List<ClusterNode> nodes() {
		return this.cluster.nodes();
	}

	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Takes a stopped or missing node off the list (409 for a node that is up)")
	void forget(@PathVariable String name) {
		this.cluster.forget(name);
	}

	@ExceptionHandler(NodeNotRemovableException.class)
	ProblemDetail notRemovable(NodeNotRemovableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

}
