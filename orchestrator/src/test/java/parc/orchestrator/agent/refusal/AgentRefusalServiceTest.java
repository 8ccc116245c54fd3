package parc.orchestrator.agent.refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresBackedTest(properties = "parc.test.context=agent-refusals")
class AgentRefusalServiceTest {

	@Autowired
	AgentRefusalService refusals;

	@Autowired
	AgentRefusalRepository repository;

	@Autowired
	MachineService machines;

	@Test
	void shouldCountRepeatsIntoOneRowAndKeepTheDeviceIdOnceKnown() {
		String agent = unique("Repeating-Agent");
		this.refusals.record(new RefusedRequest("192.0.2.90", agent, 400, "No DEVICEID", null));
		this.refusals.record(new RefusedRequest("192.0.2.90", agent, 400, "No DEVICEID", "pc-2026-12-06-00-00-00"));
		this.refusals.record(new RefusedRequest("192.0.2.90", agent, 400, "No DEVICEID", null));

		List<AgentRefusal> rows = this.refusals.find(agent, null, new PageRequest(0, 10)).content();

		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.times()).isEqualTo(3);
			assertThat(row.deviceId()).isEqualTo("pc-2026-12-06-00-00-00");
			assertThat(row.firstAt()).isBeforeOrEqualTo(row.lastAt());
		});
	}

	@Test
	void shouldLinkARefusalToTheMachineAtItsAddress() {
		String address = "198.51.100." + (int) (Math.random() * 200 + 20);
		Machine machine = this.machines.register(new MachineDraft(unique("refused-pc"), address, List.of(),
				OsFamily.WINDOWS, Channel.OCS_AGENT, null, null, null, List.of(), null, null));
		this.refusals.record(new RefusedRequest(address, "OCS-NG_WINDOWS_AGENT_v2.4.0.0", 415, unique("reason"), null));

		assertThat(this.refusals.find(null, machine.id(), new PageRequest(0, 10)).content()).singleElement()
			.satisfies((row) -> assertThat(row.machineName()).isEqualTo(machine.name()));
	}

	@Test
	void shouldMatchPercentAndUnderscoreLiterallyInTheFilter() {
		String agent = unique("Odd_Agent%");
		this.refusals.record(new RefusedRequest("192.0.2.91", agent, 415, "Content-Type x", null));

		assertThat(this.refusals.find(agent, null, new PageRequest(0, 10)).content()).hasSize(1);
		assertThat(this.refusals.find("Odd_Agent%x", null, new PageRequest(0, 10)).content()).isEmpty();
	}

	@Test
	void shouldRemoveControlCharactersAndCapLongTexts() {
		String agent = unique("Noisy\u0007Agent");
		this.refusals.record(new RefusedRequest("192.0.2.92", agent + "x".repeat(1000), 400, "bad\nreason", null));

		AgentRefusal row = this.refusals.find(agent.replace("\u0007", ""), null, new PageRequest(0, 10))
			.content()
			.get(0);
		assertThat(row.userAgent()).doesNotContain("\u0007").hasSizeLessThan(310);
		assertThat(row.reason()).isEqualTo("badreason");
	}

	@Test
	void shouldKeepOnlyTheMostRecentRows() {
		AgentRefusalService capped = new AgentRefusalService(this.repository,
				Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC), 3);
		this.refusals.record(new RefusedRequest("192.0.2.93", unique("older"), 400, "old", null));
		String newest = unique("newest");
		for (int i = 0; i < 4; i++) {
			capped.record(new RefusedRequest("192.0.2.93", newest, 400, "reason " + i, null));
		}

		assertThat(this.refusals.find(null, null, new PageRequest(0, 50)).totalElements()).isEqualTo(3);
		assertThat(this.refusals.find(newest, null, new PageRequest(0, 50)).content()).extracting(AgentRefusal::reason)
			.containsExactlyInAnyOrder("reason 1", "reason 2", "reason 3");
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
