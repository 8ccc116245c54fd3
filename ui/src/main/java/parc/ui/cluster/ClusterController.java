package parc.ui.cluster;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.cluster.ClusterService;
import parc.orchestrator.cluster.NodeNotRemovableException;
import parc.ui.system.Flash;

/**
 * Settings > Cluster (administrators): every node seen, its heartbeat and last minute's
 * work, a missing node flagged; a node gone for good can be taken off the list.
 */
@Controller
class ClusterController {

	static final String VIEW = "settings/cluster";

	private final ClusterService cluster;

	ClusterController(ClusterService cluster) {
		this.cluster = cluster;
	}

	@GetMapping("/settings/cluster")
	String nodes(Model model) {
		model.addAttribute("nodes", this.cluster.nodes());
		return VIEW;
	}

	@PostMapping("/settings/cluster/{name}/forget")
	String forget(@PathVariable String name, RedirectAttributes redirect) {
		try {
			this.cluster.forget(name);
			Flash.success(redirect, "cluster.flash.forgotten", name);
		}
		catch (NodeNotRemovableException ex) {
			Flash.error(redirect, "cluster.flash.notRemovable", name);
		}
		return "redirect:/settings/cluster";
	}

}
