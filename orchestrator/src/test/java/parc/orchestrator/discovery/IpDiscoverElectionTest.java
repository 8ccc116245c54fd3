package parc.orchestrator.discovery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.inventory.InventoryDocument;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.testsupport.FreeNetworks;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IP discovery election on the embedded PostgreSQL: agents placed on a /28 of their
 * own, their OS and last contact set by hand.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.discovery.ipdiscover-agents=2", "parc.discovery.ipdiscover-max-alive-days=7" })
class IpDiscoverElectionTest {

	@Autowired
	IpDiscoverElection election;

	@Autowired
	DeviceService devices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NetworkService networks;

	private long network() {
		return FreeNetworks.declare(this.networks, 28, "e" + UUID.randomUUID()).id();
	}

	/** An agent's machine on the network, last seen {@code daysAgo} days ago. */
	private long agent(long network, String osFamily, int daysAgo) {
		String name = "agent-" + UUID.randomUUID();
		long machine = this.jdbc.sql("""
				insert into machine (name, address, os_family, channel) values (?, '203.0.113.1', ?, 'OCS_AGENT')
				returning id
				""").params(name, osFamily).query(Long.class).single();
		Timestamp seen = Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo)));
		this.jdbc.sql("""
				insert into agent_device (device_id, machine_id, first_seen_at, last_contact_at) values (?, ?, ?, ?)
				""").params(name + "-2026-12-01-00-00-00", machine, seen, seen).update();
		this.jdbc
			.sql("insert into network_machine (network_id, machine_id, address, learned_at) values (?, ?, ?, now())")
			.params(network, machine, "203.0.113.1")
			.update();
		return machine;
	}

	@Test
	void shouldElectWindowsThenLinuxAmongAgentsSeenLatelyAndKeepTheElection() {
		long network = network();
		long linux = agent(network, "LINUX", 0);
		long windows = agent(network, "WINDOWS", 1);
		long other = agent(network, "OTHER", 0);
		long silent = agent(network, "WINDOWS", 30);

		assertThat(this.election.assignmentFor(other)).as("the two places go to Windows, then Linux").isEmpty();
		assertThat(this.election.assignmentFor(linux)).hasValueSatisfying((assignment) -> {
			assertThat(assignment.networkId()).isEqualTo(network);
			String cidr = this.jdbc.sql("select cidr from network where id = ?")
				.param(network)
				.query(String.class)
				.single();
			assertThat(assignment.subnet()).isEqualTo(cidr.substring(0, cidr.indexOf('/')));
			assertThat(assignment.latencyMs()).isEqualTo(100);
		});
		assertThat(this.election.assignmentFor(silent)).as("silent for 30 days").isEmpty();
		assertThat(this.election.electedOn(network)).extracting(ElectedAgent::machineId)
			.containsExactlyInAnyOrder(windows, linux);

		// A better agent arriving later does not unseat those elected.
		long newcomer = agent(network, "WINDOWS", 0);
		assertThat(this.election.assignmentFor(newcomer)).isEmpty();

		// One that goes silent gives its place up.
		this.jdbc.sql("update agent_device set last_contact_at = now() - interval '8 days' where machine_id = ?")
			.param(windows)
			.update();
		assertThat(this.election.assignmentFor(newcomer)).isPresent();
		assertThat(this.election.electedOn(network)).extracting(ElectedAgent::machineId)
			.containsExactlyInAnyOrder(linux, newcomer);
	}

	@Test
	void shouldRecordTheHostsAnElectedAgentReportsAndIgnoreGarbledLines() {
		long network = network();
		long agent = agent(network, "LINUX", 0);
		assertThat(this.election.assignmentFor(agent)).isPresent();
		String base = this.jdbc.sql("select cidr from network where id = ?")
			.param(network)
			.query(String.class)
			.single();
		String first = base.substring(0, base.lastIndexOf('.') + 1)
				+ (Integer.parseInt(base.substring(base.lastIndexOf('.') + 1, base.indexOf('/'))) + 5);
		InventoryDocument document = new InventoryDocument(Map.of(), Map.of(), null, null, null, null, null, null, null,
				null, null, null, null, null,
				Map.of("ipdiscover",
						List.of(Map.of("i", first, "m", "aa:bb:cc:dd:ee:01", "n", "printer1"),
								Map.of("i", "not-an-address", "m", "aa:bb:cc:dd:ee:02", "n", "-"),
								Map.of("i", "224.0.0.1", "m", "aa:bb:cc:dd:ee:03", "n", "-"),
								Map.of("i", "203.0.113.99", "m", "<script>", "n", "-"))),
				null, null);

		int recorded = this.election.recordScan(agent, "agent-1", document);

		assertThat(recorded).isEqualTo(1);
		List<Device> found = this.devices
			.onNetwork(network, null, new parc.orchestrator.system.paging.PageRequest(0, 10))
			.content();
		assertThat(found).singleElement().satisfies((device) -> {
			assertThat(device.address()).isEqualTo(first);
			assertThat(device.mac()).isEqualTo("AA:BB:CC:DD:EE:01");
			assertThat(device.hostName()).isEqualTo("printer1");
			assertThat(device.source()).isEqualTo(DeviceSource.IPDISCOVER);
			assertThat(device.reportedBy()).isEqualTo("agent-1");
		});
		assertThat(this.election.electedOn(network)).singleElement()
			.satisfies((elected) -> assertThat(elected.lastScanAt()).isNotNull());
	}

}
