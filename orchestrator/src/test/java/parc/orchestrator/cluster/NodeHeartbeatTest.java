package parc.orchestrator.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.machine.MachineFixtures;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nodes on one database: a node whose heartbeats stopped is marked missing once, by one
 * node, which fails the work it left running; the work of live nodes is never touched.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.test.context=cluster", "parc.node.name=parc-self" })
class NodeHeartbeatTest {

	@Autowired
	NodeHeartbeat heartbeat;

	@Autowired
	ClusterService cluster;

	@Autowired
	SharedSecretCheck secrets;

	@Autowired
	MachineService machines;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldTakeOverTheWorkOfAMissingNodeOnlyAndOnce() {
		node("parc-live", "now()");
		node("parc-dead", "now() - interval '10 minutes'");
		long machine = this.machines.register(MachineFixtures.debianWebServer("cluster-" + UUID.randomUUID())).id();
		long ofLive = collection(machine, "'parc-live'");
		long ofDead = collection(machine, "'parc-dead'");
		long ofSelf = collection(machine, null);

		this.heartbeat.takeOverMissingNodes();

		assertThat(state(ofDead)).startsWith("FAILED interrupted: node parc-dead stopped answering (found at ");
		assertThat(state(ofLive)).isEqualTo("RUNNING ");
		assertThat(state(ofSelf)).as("a row this node wrote names it").isEqualTo("RUNNING ");
		assertThat(this.jdbc.sql("select run_node from inventory_collection where id = ?")
			.param(ofSelf)
			.query(String.class)
			.single()).isEqualTo("parc-self");
		Map<String, ClusterNode> nodes = new java.util.HashMap<>();
		this.cluster.nodes().forEach((node) -> nodes.put(node.name(), node));
		assertThat(nodes.get("parc-dead").state()).isEqualTo(NodeState.MISSING);
		assertThat(nodes.get("parc-dead").missingSince()).isNotNull();
		assertThat(nodes.get("parc-live").state()).isEqualTo(NodeState.UP);
		assertThat(nodes.get("parc-self").self()).isTrue();
		assertThat(nodes.get("parc-self").state()).isEqualTo(NodeState.UP);

		long later = collection(machine, "'parc-dead'");
		this.heartbeat.takeOverMissingNodes();
		assertThat(state(later)).as("a node is taken over once, when it goes missing").isEqualTo("RUNNING ");

		assertThatThrownBy(() -> this.cluster.forget("parc-live")).isInstanceOf(NodeNotRemovableException.class);
		this.cluster.forget("parc-dead");
		assertThat(this.cluster.nodes()).extracting(ClusterNode::name).doesNotContain("parc-dead");
	}

	@Test
	void shouldRefuseAnotherCopyOfASharedSecretNamingWhoRecordedIt() {
		this.secrets.require("test-secret", "aaaa", "This node's test key", "Copy it.");
		this.secrets.require("test-secret", "aaaa", "This node's test key", "Copy it.");

		assertThatThrownBy(
				() -> this.secrets.require("test-secret", "bbbb", "This node's test key (/srv/key)", "Copy it."))
			.isInstanceOf(SharedSecretMismatchException.class)
			.hasMessageMatching("This node's test key \\(/srv/key\\) is not the one this cluster uses \\(recorded by"
					+ " parc-self on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)\\. Copy it\\. Node parc-self does not"
					+ " start\\.");
	}

	private void node(String name, String heartbeat) {
		this.jdbc.sql("insert into cluster_node (name, incarnation, address, version, started_at, last_heartbeat)"
				+ " values (?, ?, 'host:8080', '1.0', now(), " + heartbeat + ")"
				+ " on conflict (name) do update set last_heartbeat = excluded.last_heartbeat, missing_since = null")
			.params(name, UUID.randomUUID())
			.update();
	}

	/**
	 * A running collection, of the given node, or of this one when null (the column's
	 * default).
	 */
	private long collection(long machine, String runNode) {
		return this.jdbc
			.sql("insert into inventory_collection (machine_id, state, requested_by, requested_at"
					+ ((runNode != null) ? ", run_node" : "") + ") values (?, 'RUNNING', 'alice', ?"
					+ ((runNode != null) ? ", " + runNode : "") + ") returning id")
			.params(machine, java.sql.Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
	}

	private String state(long id) {
		return this.jdbc.sql("select state || ' ' || coalesce(error, '') from inventory_collection where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

}
