package parc.orchestrator.network;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.inventory.InventoryFixtures;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.InventoryStored;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Networks on the embedded PostgreSQL: declared, learned from inventories stored by the
 * real inventory service, renamed and ignored.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" })
class NetworkServiceTest {

	@Autowired
	NetworkService networks;

	@Autowired
	InventoryService inventories;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private NetworkSummary find(String cidr) {
		return this.networks.list(cidr, true, new PageRequest(0, 50))
			.content()
			.stream()
			.filter((summary) -> summary.network().cidr().equals(cidr))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no network " + cidr));
	}

	@Test
	void shouldLearnTheNetworkOfEachInventoriedCardAndCountItsMachines() {
		// A /30 of its own in this context's shared database, which other tests fill too.
		int block = 4 * ThreadLocalRandom.current().nextInt(64);
		String cidr = "203.0.113." + block + "/30";
		InventoryStored first = this.inventories
			.store(InventoryFixtures.debianLaptop("learn-a-" + unique(), null, "52:54:00:aa:00:01")
				.withIp("203.0.113." + (block + 1), "255.255.255.252")
				.fromAgent("learn-a-" + unique()));
		this.inventories.store(InventoryFixtures.debianLaptop("learn-b-" + unique(), null, "52:54:00:aa:00:02")
			.withIp("203.0.113." + (block + 2), "255.255.255.252")
			.fromAgent("learn-b-" + unique()));

		NetworkSummary learned = find(cidr);
		assertThat(learned.network().source()).isEqualTo(NetworkSource.LEARNED);
		assertThat(learned.network().name()).isEqualTo(cidr);
		assertThat(learned.machines()).isEqualTo(2);
		assertThat(this.networks.machinesOn(learned.network().id(), new PageRequest(0, 10)).content())
			.extracting(PlacedMachine::addresses)
			.containsExactlyInAnyOrder("203.0.113." + (block + 1), "203.0.113." + (block + 2));

		// A machine that moves leaves the old network for the new one.
		this.inventories.storeCollected(first.machineId(),
				InventoryFixtures.debianLaptop("learn-a", null, "52:54:00:aa:00:01")
					.withIp("198.51.100.21")
					.fromAgent("unused"));
		assertThat(find(cidr).machines()).isEqualTo(1);
		assertThat(find("198.51.100.0/24").machines()).isPositive();
	}

	@Test
	void shouldKeepAnAdminsNameAndIgnoredFlagWhenInventoriesReportALearnedNetworkAgain() {
		String device = "keep-" + unique();
		this.inventories.store(InventoryFixtures.debianLaptop("keep-" + unique(), null, "52:54:00:bb:00:01")
			.withIp("198.51.100.140")
			.fromAgent(device));
		Network learned = find("198.51.100.0/24").network();

		Network renamed = this.networks.update(learned.id(),
				new NetworkDraft("Lab floor 2", null, "the test lab", "Lyon", true));
		this.inventories.store(InventoryFixtures.debianLaptop("keep-2-" + unique(), null, "52:54:00:bb:00:02")
			.withIp("198.51.100.141")
			.fromAgent("keep-2-" + unique()));

		Network again = this.networks.get(learned.id());
		assertThat(again.name()).isEqualTo("Lab floor 2");
		assertThat(again.site()).isEqualTo("Lyon");
		assertThat(again.ignored()).isTrue();
		assertThat(renamed.source()).isEqualTo(NetworkSource.LEARNED);
		assertThat(this.networks.list("", false, new PageRequest(0, 500)).content())
			.as("ignored networks are left out by default")
			.noneMatch((summary) -> summary.network().id() == learned.id());
		assertThatThrownBy(() -> this.networks.delete(learned.id())).isInstanceOf(InvalidNetworkException.class)
			.hasMessageContaining("ignore it instead");
		assertThatThrownBy(
				() -> this.networks.update(learned.id(), new NetworkDraft(null, "198.51.100.0/25", null, null, true)))
			.isInstanceOf(InvalidNetworkException.class)
			.hasMessageContaining("comes from inventories");
	}

	@Test
	void shouldDeclareANetworkOnceAndDeleteIt() {
		Network declared = this.networks.create(new NetworkDraft(null, "198.51.100.64/26", "printers", null, null),
				"alice");

		assertThat(declared.name()).isEqualTo("198.51.100.64/26");
		assertThat(declared.source()).isEqualTo(NetworkSource.ADMIN);
		assertThat(declared.createdBy()).isEqualTo("alice");
		assertThatThrownBy(
				() -> this.networks.create(new NetworkDraft("again", "198.51.100.100/26", null, null, null), "bob"))
			.isInstanceOf(InvalidNetworkException.class)
			.hasMessage("198.51.100.64/26 is known already");

		this.networks.delete(declared.id());
		assertThatThrownBy(() -> this.networks.get(declared.id())).isInstanceOf(NetworkNotFoundException.class);
	}

	@Test
	void shouldReadEarlierInventoriesOnlyAtTheFirstStart() {
		long machine = this.jdbc.sql("""
				insert into machine (name, address, os_family, channel) values (?, '203.0.113.9', 'LINUX', 'OCS_AGENT')
				returning id
				""").param("raw-" + unique()).query(Long.class).single();
		this.jdbc
			.sql("""
					insert into inventory_network (machine_id, ip_address, ip_mask) values (?, '203.0.113.9', '255.255.255.252')
					""")
			.param(machine)
			.update();

		// This context's start read them already: a later call reads nothing again.
		this.networks.learnFromEarlierInventories();

		assertThat(this.jdbc.sql("select count(*) from network_machine where machine_id = ?")
			.param(machine)
			.query(Long.class)
			.single()).isZero();
	}

}
