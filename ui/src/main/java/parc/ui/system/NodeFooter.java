package parc.ui.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import parc.orchestrator.cluster.ThisNode;

/**
 * Every console page says which node served it (the footer): behind a load balancer, the
 * first thing to know when one node misbehaves.
 */
@ControllerAdvice
class NodeFooter {

	private final ObjectProvider<ThisNode> node;

	/** A provider: web slices tested alone have no node, and show no footer. */
	NodeFooter(ObjectProvider<ThisNode> node) {
		this.node = node;
	}

	@ModelAttribute("parcNode")
	ThisNode parcNode() {
		return this.node.getIfAvailable();
	}

}
