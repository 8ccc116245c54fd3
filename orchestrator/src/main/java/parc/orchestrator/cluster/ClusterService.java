package parc.orchestrator.cluster;

import java.util.List;

import org.springframework.stereotype.Service;

/** The nodes seen, for the Cluster page and API. */
@Service
public class ClusterService {

	private final ClusterRepository repository;

	private final ThisNode node;

	private final ClusterProperties properties;

	ClusterService(ClusterRepository repository, ThisNode node, ClusterProperties properties) {
		this.repository = repository;
		this.node = node;
		this.properties = properties;
	}

	public List<ClusterNode> nodes() {
		return this.repository.list(this.properties.missingAfter(), this.node.name());
	}

	/** The node that answers this request. */
	public ThisNode thisNode() {
		return this.node;
	}

	/**
	 * Takes a stopped or missing node off the list, once it is not coming back.
	 * @throws NodeNotRemovableException when no such node is listed or it is up
	 */
	public void forget(String name) {
		if (!this.repository.forget(name, this.properties.missingAfter())) {
			throw new NodeNotRemovableException(name);
		}
	}

}
