package parc.orchestrator.agentless;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.inventory.InventoryDocument;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/**
 * The service around the SSH port; the port itself is exercised for real in routes and
 * app. Here it is a mock at the edge of the unit.
 */
@PostgresBackedTest
class AgentlessServiceTest {

	@MockitoBean
	AgentlessGateway gateway;

	@Autowired
	AgentlessService agentless;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	@Autowired
	InventoryService inventories;

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Machine agentlessMachine(String sshUser) {
		long credential = this.credentials
			.create(new CredentialDraft(unique("pw"), CredentialType.PASSWORD, "fallback-user", null, null, "pw"))
			.id();
		return this.machines.register(new MachineDraft(unique("srv"), "192.0.2.40", List.of("AA:BB:CC:00:00:01"),
				OsFamily.LINUX, Channel.AGENTLESS_SSH, 2222, sshUser, credential, List.of(), null, null));
	}

	@Test
	void shouldKeepTheProbeAsTheMachinesLight() {
		Machine machine = agentlessMachine("ops");
		given(this.gateway.probe("192.0.2.40", 2222))
			.willReturn(new ProbeOutcome(StatusLight.ORANGE, true, null, "no SSH answer", Duration.ofMillis(1500)));

		ProbeStatus status = this.agentless.probe(machine.id());

		assertThat(status.light()).isEqualTo(StatusLight.ORANGE);
		assertThat(status.durationMs()).isEqualTo(1500);
		assertThat(this.agentless.lastProbe(machine.id())).contains(status);
		assertThat(this.agentless.lastProbes(List.of(machine.id()))).containsKey(machine.id());
	}

	@Test
	void shouldCollectInTheBackgroundAndFileTheInventoryUnderTheMachine() {
		Machine machine = agentlessMachine(null);
		InventoryDocument document = new InventoryDocument(Map.of("name", "srv-collected", "osname", "Debian"),
				Map.of(), null, null, null, null, null, List.of(Map.of("name", "bash", "version", "5.2")), null, null,
				null, null, null, null, null, null, null);
		given(this.gateway.collectInventory(any())).willReturn(document);

		InventoryCollection started = this.agentless.requestInventory(machine.id(), "admin");

		assertThat(started.state()).isIn(InventoryCollection.State.RUNNING, InventoryCollection.State.DONE);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.agentless.collection(started.id())
				.orElseThrow()
				.state() == InventoryCollection.State.DONE);
		assertThat(this.agentless.collection(started.id()).orElseThrow().outcome()).isEqualTo("FIRST");
		assertThat(this.inventories.current(machine.id()).orElseThrow().document().software())
			.extracting((row) -> row.get("name"))
			.containsExactly("bash");
		// The machine's own user was empty: the credential's login is used.
		verify(this.gateway).collectInventory(org.mockito.ArgumentMatchers
			.argThat((target) -> target.username().equals("fallback-user") && target.port() == 2222));
	}

	@Test
	void shouldRecordWhyACollectionFailed() {
		Machine machine = agentlessMachine("ops");
		given(this.gateway.collectInventory(any())).willThrow(new RemoteAccessException(RemoteAccessException.Step.AUTH,
				"SSH auth failed for ops@192.0.2.40:2222: the server refused the password", null));

		InventoryCollection started = this.agentless.requestInventory(machine.id(), "admin");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.agentless.collection(started.id())
				.orElseThrow()
				.state() == InventoryCollection.State.FAILED);
		assertThat(this.agentless.collection(started.id()).orElseThrow().error()).contains("refused the password");
		assertThat(this.agentless.collections(machine.id(), 10)).hasSize(1);
	}

	@Test
	void shouldRefuseMachinesThatAreNotReachedOverSsh() {
		Machine agent = this.machines.register(new MachineDraft(unique("pc"), "192.0.2.41", List.of(), OsFamily.WINDOWS,
				Channel.OCS_AGENT, null, null, null, List.of(), null, null));
		Machine noCredential = this.machines.register(new MachineDraft(unique("bare"), "192.0.2.42", List.of(),
				OsFamily.LINUX, Channel.AGENTLESS_SSH, null, "root", null, List.of(), null, null));

		assertThatThrownBy(() -> this.agentless.requestInventory(agent.id(), "admin"))
			.isInstanceOf(MachineNotAgentlessException.class)
			.hasMessageContaining("OCS_AGENT");
		assertThatThrownBy(() -> this.agentless.requestInventory(noCredential.id(), "admin"))
			.isInstanceOf(MachineNotAgentlessException.class)
			.hasMessageContaining("no credential");
	}

	@Test
	void shouldWakeEveryMacOfTheMachine() {
		Machine machine = agentlessMachine("ops");
		this.agentless.wake(machine.id());
		verify(this.gateway).wake(List.of("AA:BB:CC:00:00:01"));

		Machine noMac = this.machines.register(new MachineDraft(unique("nomac"), "192.0.2.43", List.of(),
				OsFamily.LINUX, Channel.OCS_AGENT, null, null, null, List.of(), null, null));
		assertThatThrownBy(() -> this.agentless.wake(noMac.id())).isInstanceOf(NoMacAddressException.class);
	}

}
